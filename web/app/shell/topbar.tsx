import { useEffect, useState, type RefObject } from 'react';
import { Badge, Box, Button, Flex, IconButton, Kbd, Popover, ScrollArea, Text, TextField, Tooltip } from '@radix-ui/themes';
import { BellIcon, MagnifyingGlassIcon, MoonIcon, SunIcon } from '@radix-ui/react-icons';
import { useNavigate } from 'react-router';
import type { User } from '@supabase/supabase-js';
import { api } from '../lib/api';
import { useAppearance } from '../lib/appearance';
import type { Business } from '../lib/types';
import { UserAvatar } from './user-avatar';

interface Notification { id: string; title: string; message: string | null; created_at: string; read_status: boolean; action_url: string | null }

function NotificationsBell({ business }: { business: Business }) {
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const navigate = useNavigate();
  const load = () => api<{ data: Notification[]; unread: number }>(`/notifications?business_id=${business.id}`).then((r) => { setItems(r.data); setUnread(r.unread); }).catch(() => {});
  useEffect(() => { void load(); }, [business.id]);

  return (
    <Popover.Root onOpenChange={(open) => open && void load()}>
      <Popover.Trigger>
        <IconButton variant="ghost" color="gray" size="3" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'} style={{ position: 'relative' }} data-testid="notifications-bell">
          <BellIcon width={18} height={18} />
          {unread > 0 && <Badge size="1" variant="solid" color="red" radius="full" style={{ position: 'absolute', top: 2, right: 0, padding: '0 5px' }}>{unread}</Badge>}
        </IconButton>
      </Popover.Trigger>
      <Popover.Content width="340px" align="end">
        <Flex justify="between" align="center" mb="2">
          <Text weight="bold">Notifications</Text>
          {unread > 0 && <Button size="1" variant="ghost" onClick={() => void api('/notifications/read-all', { method: 'PATCH' }).then(load)}>Mark all read</Button>}
        </Flex>
        {items.length === 0 ? (
          <Box py="5"><Text size="2" color="gray" align="center" as="p">You're all caught up.</Text></Box>
        ) : (
          <ScrollArea style={{ maxHeight: 320 }}>
            <Flex direction="column" gap="1">
              {items.map((n) => (
                <Button key={n.id} variant={n.read_status ? 'ghost' : 'soft'} color="gray" style={{ height: 'auto', padding: 10, justifyContent: 'flex-start', textAlign: 'left' }}
                  onClick={() => { void api(`/notifications/${n.id}/read`, { method: 'PATCH' }); if (n.action_url) navigate(n.action_url); }}>
                  <Flex direction="column" gap="1">
                    <Text size="2" weight="medium">{n.title}</Text>
                    {n.message && <Text size="1" color="gray" truncate style={{ maxWidth: 280 }}>{n.message}</Text>}
                  </Flex>
                </Button>
              ))}
            </Flex>
          </ScrollArea>
        )}
      </Popover.Content>
    </Popover.Root>
  );
}

export function TopBar({ business, user, searchRef }: { business: Business; user: User; searchRef: RefObject<HTMLInputElement | null> }) {
  const { appearance, toggle } = useAppearance();
  const navigate = useNavigate();
  const name = (user.user_metadata?.full_name as string | undefined) ?? user.email ?? 'You';
  return (
    <header className="topbar">
      <form style={{ flex: 1, maxWidth: 460 }} role="search" onSubmit={(e) => {
        e.preventDefault();
        const q = new FormData(e.currentTarget).get('q');
        navigate(`/app/${business.id}/inbox?q=${encodeURIComponent(String(q ?? ''))}`);
      }}>
        <TextField.Root ref={searchRef} name="q" placeholder="Search conversations and customers" aria-label="Search" size="2" variant="soft" color="gray">
          <TextField.Slot><MagnifyingGlassIcon /></TextField.Slot>
          <TextField.Slot><Kbd size="1">/</Kbd></TextField.Slot>
        </TextField.Root>
      </form>
      <Box flexGrow="1" />
      <NotificationsBell business={business} />
      <Tooltip content={appearance === 'dark' ? 'Light theme' : 'Dark theme'}>
        <IconButton variant="ghost" color="gray" size="3" onClick={toggle} aria-label="Toggle theme" data-testid="theme-toggle">
          {appearance === 'dark' ? <SunIcon width={18} height={18} /> : <MoonIcon width={18} height={18} />}
        </IconButton>
      </Tooltip>
      <UserAvatar name={name} />
    </header>
  );
}
