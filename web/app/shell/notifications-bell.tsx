import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Box, Button, Flex, IconButton, Popover, ScrollArea, Separator, Text, Tooltip } from '@radix-ui/themes';
import { BellIcon } from '@radix-ui/react-icons';
import { api } from '../lib/api';
import { timeAgo } from '../lib/format';

interface Notification { id: string; title: string; message: string | null; created_at: string; read_status: boolean; action_url: string | null }

const REFRESH_MS = 30_000;

/** Bell with an unread count; the popover lists the latest notifications for this business. */
export function NotificationsBell({ businessId }: { businessId: string }) {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const navigate = useNavigate();
  const load = useCallback(() => api<{ data: Notification[]; unread: number }>(`/notifications?business_id=${businessId}`)
    .then((r) => { setItems(r.data); setUnread(r.unread); })
    .catch(() => {}), [businessId]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const label = unread ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <Popover.Root onOpenChange={(open) => open && void load()}>
      <Tooltip content="Notifications">
        <Popover.Trigger>
          <IconButton variant="ghost" color="gray" size="2" aria-label={label} style={{ position: 'relative' }} data-testid="notifications-bell">
            <BellIcon width={18} height={18} />
            {unread > 0 && <span className="badge-dot" data-testid="notifications-count">{unread > 9 ? '9+' : unread}</span>}
          </IconButton>
        </Popover.Trigger>
      </Tooltip>
      <Popover.Content width="360px" align="end" style={{ padding: 0 }}>
        <Flex justify="between" align="center" px="4" py="3">
          <Text weight="bold" size="2">Notifications</Text>
          {unread > 0 && <Button size="1" variant="ghost" onClick={() => void api('/notifications/read-all', { method: 'PATCH' }).then(load)}>Mark all as read</Button>}
        </Flex>
        <Separator size="4" />
        {items.length === 0 ? (
          <Flex direction="column" align="center" gap="2" py="6" px="4">
            <BellIcon width={20} height={20} color="var(--gray-9)" />
            <Text size="2" weight="medium">You're all caught up</Text>
            <Text size="1" color="gray" align="center">Assignments, mentions and new messages will show up here.</Text>
          </Flex>
        ) : (
          <ScrollArea style={{ maxHeight: 360 }} type="auto">
            <Box p="2">
              {items.map((n) => (
                <button key={n.id} type="button" className="user-button" style={{ alignItems: 'flex-start' }} onClick={() => {
                  void api(`/notifications/${n.id}/read`, { method: 'PATCH' }).then(load);
                  if (n.action_url) navigate(n.action_url);
                }}>
                  <span aria-hidden="true" style={{ width: 8, height: 8, marginTop: 6, borderRadius: 4, flexShrink: 0, background: n.read_status ? 'transparent' : 'var(--accent-9)' }} />
                  <Flex direction="column" gap="1" style={{ minWidth: 0, flex: 1 }}>
                    <Text size="2" weight={n.read_status ? 'regular' : 'medium'}>{n.title}</Text>
                    {n.message && <Text size="1" color="gray" truncate>{n.message}</Text>}
                  </Flex>
                  <Text size="1" color="gray">{timeAgo(n.created_at)}</Text>
                </button>
              ))}
            </Box>
          </ScrollArea>
        )}
      </Popover.Content>
    </Popover.Root>
  );
}
