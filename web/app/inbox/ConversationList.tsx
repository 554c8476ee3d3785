import { Link } from 'react-router';
import { Badge, Box, Button, Flex, Heading, Select, Skeleton, Tabs, Text } from '@radix-ui/themes';
import { ChatBubbleIcon, CodeIcon, MagnifyingGlassIcon } from '@radix-ui/react-icons';
import { timeAgo } from '../lib/format';
import type { ConversationItem } from '../lib/types';
import { EmptyState } from '../shell/empty-state';
import { UserAvatar } from '../shell/user-avatar';
import { PlatformBadge } from './platform';
import { VirtualRows } from './VirtualRows';

export type AssigneeFilter = 'all' | 'mine' | 'unassigned';
export type StatusFilter = 'open' | 'pending' | 'resolved' | 'any';

const STATUS_LABEL: Record<StatusFilter, string> = { open: 'Open', pending: 'Pending', resolved: 'Resolved', any: 'All statuses' };

function Row({ c, businessId, active }: { c: ConversationItem; businessId: string; active: boolean }) {
  const name = c.customer.name ?? c.customer.email ?? c.customer.phone ?? 'Visitor';
  return (
    <Link to={`/app/${businessId}/inbox/${c.id}`} className={`conversation-row${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined} data-testid="conversation-row">
      <UserAvatar name={name} />
      <Flex direction="column" gap="1" style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="between" align="center" gap="2">
          <Text size="2" weight={c.unread_count ? 'bold' : 'medium'} truncate>{name}</Text>
          <Text size="1" color="gray" style={{ flexShrink: 0 }}>{timeAgo(c.last_message_at)}</Text>
        </Flex>
        <Text size="2" color={c.unread_count ? undefined : 'gray'} truncate>{c.last_message_preview ?? c.subject ?? 'No messages yet'}</Text>
        <Flex gap="2" align="center">
          <PlatformBadge platform={c.platform} />
          {c.status !== 'open' && <Badge size="1" color="gray" variant="outline">{c.status}</Badge>}
          <Box flexGrow="1" />
          {c.unread_count > 0 && <Badge size="1" variant="solid" radius="full" aria-label={`${c.unread_count} unread`}>{c.unread_count}</Badge>}
        </Flex>
      </Flex>
    </Link>
  );
}

function Loading() {
  return (
    <Box aria-busy="true" aria-label="Loading conversations">
      {[0, 1, 2, 3].map((i) => (
        <Flex key={i} gap="3" p="3" style={{ borderBottom: '1px solid var(--gray-a3)' }}>
          <Skeleton width="32px" height="32px" style={{ borderRadius: 999 }} />
          <Flex direction="column" gap="2" flexGrow="1"><Skeleton height="12px" width="60%" /><Skeleton height="12px" width="90%" /></Flex>
        </Flex>
      ))}
    </Box>
  );
}

const TABS: [AssigneeFilter, string][] = [['all', 'All'], ['mine', 'Mine'], ['unassigned', 'Unassigned']];

/** Left pane of the inbox: filters and the conversations, newest activity first. */
export function ConversationList(props: {
  businessId: string;
  conversations: ConversationItem[] | null;
  /** Open conversations per tab; shown beside the tab names when given. */
  counts?: Record<AssigneeFilter, number> | null;
  filter: AssigneeFilter;
  onFilter: (f: AssigneeFilter) => void;
  status: StatusFilter;
  onStatus: (s: StatusFilter) => void;
  selectedId: string | null;
  query: string;
  /** Called when the end of the list comes into view (cursor paging). */
  onLoadMore?: () => void;
}) {
  const { conversations, businessId, filter, status, query } = props;
  const filtered = filter !== 'all' || status !== 'open' || !!query;
  return (
    <section className="inbox-pane inbox-list" aria-label="Conversations">
      <div className="pane-header">
        <Heading as="h1" size="4" className="tight" style={{ flex: 1 }}>Inbox</Heading>
        <Select.Root value={status} onValueChange={(v) => props.onStatus(v as StatusFilter)} size="1">
          <Select.Trigger variant="ghost" aria-label="Conversation status" data-testid="status-filter" />
          <Select.Content position="popper" align="end">
            {(Object.keys(STATUS_LABEL) as StatusFilter[]).map((s) => <Select.Item key={s} value={s}>{STATUS_LABEL[s]}</Select.Item>)}
          </Select.Content>
        </Select.Root>
      </div>
      <Tabs.Root value={filter} onValueChange={(v) => props.onFilter(v as AssigneeFilter)}>
        <Tabs.List size="2" style={{ paddingInline: 8 }}>
          {TABS.map(([value, label]) => (
            <Tabs.Trigger key={value} value={value} data-testid={`tab-${value}`}>
              {label}
              {props.counts && <Text as="span" size="1" color="gray" className="tab-count" data-testid={`tab-count-${value}`}>{props.counts[value]}</Text>}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs.Root>
      {query && (
        <Flex align="center" gap="2" px="4" py="2" style={{ borderBottom: '1px solid var(--gray-a3)' }}>
          <MagnifyingGlassIcon color="var(--gray-10)" />
          <Text size="1" color="gray" truncate style={{ flex: 1 }}>Results for “{query}”</Text>
          <Button size="1" variant="ghost" asChild><Link to={`/app/${businessId}/inbox`}>Clear</Link></Button>
        </Flex>
      )}
      {conversations === null ? <Loading /> : conversations.length === 0 ? (
        filtered ? (
          <EmptyState size="sm" icon={<MagnifyingGlassIcon width={22} height={22} />} title="Nothing here" testId="inbox-filtered-empty">
            {query ? 'No conversation matches your search.' : filter === 'mine' ? 'No conversations are assigned to you right now.' : filter === 'unassigned' ? 'Every conversation has an owner. Nice work.' : `No ${STATUS_LABEL[status].toLowerCase()} conversations.`}
          </EmptyState>
        ) : (
          <EmptyState size="sm" icon={<ChatBubbleIcon width={22} height={22} />} title="No conversations yet" testId="inbox-empty"
            action={<Button asChild variant="soft" size="2"><Link to={`/app/${businessId}/settings?tab=channels`} data-testid="inbox-install-widget"><CodeIcon /> Install the website widget</Link></Button>}>
            Install the chat widget on your website or connect a channel, and new conversations appear here in real time.
          </EmptyState>
        )
      ) : (
        <VirtualRows items={conversations} estimate={92} onEndReached={props.onLoadMore} testId="conversation-scroll"
          render={(c) => <Row c={c} businessId={businessId} active={c.id === props.selectedId} />} />
      )}
    </section>
  );
}
