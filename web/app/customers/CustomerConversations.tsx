import { Link } from 'react-router';
import { Badge, Flex, Text } from '@radix-ui/themes';
import { formatDate, timeAgo } from '../lib/format';
import { PlatformBadge } from '../inbox/platform';
import { ago, type CustomerConversation } from './types';

const STATUS: Record<string, { label: string; color: 'green' | 'amber' | 'gray' }> = {
  open: { label: 'Open', color: 'green' },
  pending: { label: 'Pending', color: 'amber' },
  resolved: { label: 'Resolved', color: 'gray' },
  closed: { label: 'Closed', color: 'gray' },
  archived: { label: 'Archived', color: 'gray' },
};

export function ConversationStatus({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, color: 'gray' as const };
  return <Badge size="1" variant={status === 'open' ? 'soft' : 'outline'} color={s.color} data-testid="conversation-status">{s.label}</Badge>;
}

/**
 * Every conversation of a customer, across channels, each a link into the inbox. `compact` is the
 * inbox sidebar's one-line rows; otherwise each row also shows the subject and last message.
 */
export function CustomerConversations({ conversations, businessId, currentId, compact = false }: {
  conversations: CustomerConversation[];
  businessId: string;
  /** The conversation open beside this list, marked as current. */
  currentId?: string;
  compact?: boolean;
}) {
  return (
    <ul className={`customer-conversations${compact ? ' compact' : ''}`} aria-label="Conversations">
      {conversations.map((c) => {
        const current = c.id === currentId;
        const title = c.subject ?? c.last_message_preview ?? 'No messages yet';
        const at = c.last_message_at ?? c.created_at ?? null;
        return (
          <li key={c.id}>
            <Link to={`/app/${c.business_id ?? businessId}/inbox/${c.id}`} className={`customer-conversation${current ? ' current' : ''}`}
              aria-current={current ? 'page' : undefined} data-testid="customer-conversation">
              {compact ? (
                <Flex align="center" gap="2" width="100%">
                  <PlatformBadge platform={c.platform} />
                  <ConversationStatus status={c.status} />
                  <Text size="1" color="gray" ml="auto" className="num">{timeAgo(at)}</Text>
                </Flex>
              ) : (
                <>
                  <Flex direction="column" gap="1" style={{ flex: 1, minWidth: 0 }}>
                    <Flex align="center" gap="2">
                      <PlatformBadge platform={c.platform} />
                      <Text size="2" weight="medium" truncate>{title}</Text>
                    </Flex>
                    <Text size="1" color="gray" truncate>
                      {c.subject && c.last_message_preview ? c.last_message_preview : c.created_at ? `Started ${formatDate(c.created_at)}` : ''}
                    </Text>
                  </Flex>
                  <Flex direction="column" align="end" gap="1" style={{ flexShrink: 0 }}>
                    <ConversationStatus status={c.status} />
                    {at && <Text size="1" color="gray" className="num" title={new Date(at).toLocaleString()}>{ago(at)}</Text>}
                  </Flex>
                </>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
