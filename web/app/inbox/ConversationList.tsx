import { Link } from 'react-router';
import { Badge, Box, Button, Flex, Heading, ScrollArea, Tabs, Text } from '@radix-ui/themes';
import { ChatBubbleIcon } from '@radix-ui/react-icons';
import type { ConversationItem } from '../lib/types';
import { EmptyState } from '../shell/empty-state';
import { UserAvatar } from '../shell/user-avatar';
import { PlatformBadge } from './platform';

export type AssigneeFilter = 'all' | 'mine' | 'unassigned';

const timeAgo = (iso: string | null) => {
  if (!iso) return '';
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (s < 60) return 'now';
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
};

export function ConversationList(props: {
  businessId: string; conversations: ConversationItem[] | null; filter: AssigneeFilter; onFilter: (f: AssigneeFilter) => void; selectedId: string | null; query: string;
}) {
  const { conversations, businessId } = props;
  return (
    <section className="inbox-pane" aria-label="Conversations">
      <Box px="4" pt="4" pb="2">
        <Heading size="4">Inbox</Heading>
        {props.query && <Text size="1" color="gray">Results for “{props.query}”</Text>}
      </Box>
      <Tabs.Root value={props.filter} onValueChange={(v) => props.onFilter(v as AssigneeFilter)}>
        <Tabs.List size="2" style={{ paddingLeft: 8 }}>
          <Tabs.Trigger value="all">All</Tabs.Trigger>
          <Tabs.Trigger value="mine">Mine</Tabs.Trigger>
          <Tabs.Trigger value="unassigned">Unassigned</Tabs.Trigger>
        </Tabs.List>
      </Tabs.Root>
      {conversations && conversations.length === 0 ? (
        <EmptyState icon={<ChatBubbleIcon width={24} height={24} />} title="No conversations yet" testId="inbox-empty"
          action={<Button asChild variant="soft"><Link to={`/app/${businessId}/settings#channels`}>Install the website widget</Link></Button>}>
          When customers write on your website chat or a connected channel, their conversations show up here in real time.
        </EmptyState>
      ) : (
        <ScrollArea style={{ flex: 1 }}>
          {(conversations ?? []).map((c) => {
            const name = c.customer.name ?? c.customer.email ?? 'Visitor';
            return (
              <Link key={c.id} to={`/app/${businessId}/inbox/${c.id}`} className={`conversation-row${c.id === props.selectedId ? ' active' : ''}`} data-testid="conversation-row">
                <UserAvatar name={name} />
                <Flex direction="column" gap="1" style={{ flex: 1, minWidth: 0 }}>
                  <Flex justify="between" align="center" gap="2">
                    <Text size="2" weight={c.unread_count ? 'bold' : 'medium'} truncate>{name}</Text>
                    <Text size="1" color="gray">{timeAgo(c.last_message_at)}</Text>
                  </Flex>
                  <Text size="2" color="gray" truncate>{c.last_message_preview ?? c.subject ?? 'No messages yet'}</Text>
                  <Flex gap="2" align="center">
                    <PlatformBadge platform={c.platform} />
                    {c.status !== 'open' && <Badge size="1" color="gray" variant="outline">{c.status}</Badge>}
                    <Box flexGrow="1" />
                    {c.unread_count > 0 && <Badge size="1" variant="solid" radius="full">{c.unread_count}</Badge>}
                  </Flex>
                </Flex>
              </Link>
            );
          })}
        </ScrollArea>
      )}
    </section>
  );
}
