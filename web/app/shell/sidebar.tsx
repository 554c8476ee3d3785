import { NavLink, useNavigate } from 'react-router';
import { Badge, Box, Button, DropdownMenu, Flex, Separator, Text } from '@radix-ui/themes';
import {
  BarChartIcon, CaretSortIcon, ChatBubbleIcon, CheckIcon, ExitIcon, GearIcon, MoonIcon, PersonIcon, PlusIcon, SunIcon, TokensIcon,
} from '@radix-ui/react-icons';
import type { User } from '@supabase/supabase-js';
import { supabase } from '../lib/supabase';
import { useAppearance } from '../lib/appearance';
import type { Business } from '../lib/types';
import { ROLE_LABEL } from '../lib/types';
import { Logo } from './logo';
import { UserAvatar } from './user-avatar';

const NAV = [
  { to: 'inbox', label: 'Inbox', icon: ChatBubbleIcon },
  { to: 'customers', label: 'Customers', icon: PersonIcon },
  { to: 'team', label: 'Team', icon: TokensIcon },
  { to: 'analytics', label: 'Analytics', icon: BarChartIcon },
  { to: 'settings', label: 'Settings', icon: GearIcon },
];

export function Sidebar({ business, businesses, user, unread = 0 }: { business: Business; businesses: Business[]; user: User; unread?: number }) {
  const navigate = useNavigate();
  const { appearance, toggle } = useAppearance();
  const name = (user.user_metadata?.full_name as string | undefined) ?? user.email ?? 'You';

  return (
    <nav className="sidebar" aria-label="Main">
      <Box px="2" pt="1" pb="3"><Logo /></Box>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger>
          <Button variant="surface" color="gray" size="3" style={{ justifyContent: 'space-between', width: '100%' }} data-testid="business-switcher">
            <Flex align="center" gap="2" style={{ minWidth: 0 }}>
              <span className="logo-mark" style={{ width: 24, height: 24, borderRadius: 7, fontSize: 12, fontWeight: 700 }}>{business.name[0]?.toUpperCase()}</span>
              <Text size="2" weight="medium" truncate>{business.name}</Text>
            </Flex>
            <CaretSortIcon />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content style={{ minWidth: 220 }}>
          <DropdownMenu.Label>Your businesses</DropdownMenu.Label>
          {businesses.map((b) => (
            <DropdownMenu.Item key={b.id} onSelect={() => navigate(`/app/${b.id}/inbox`)}>
              <Flex justify="between" align="center" width="100%" gap="3">
                <Text truncate>{b.name}</Text>
                {b.id === business.id ? <CheckIcon /> : <Text size="1" color="gray">{ROLE_LABEL[b.role]}</Text>}
              </Flex>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator />
          <DropdownMenu.Item onSelect={() => navigate('/onboarding')}><PlusIcon /> Create business</DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Root>

      <Flex direction="column" gap="1" mt="3">
        {NAV.map(({ to, label, icon: Icon }) => (
          <NavLink key={to} to={to} className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`} data-testid={`nav-${to}`}>
            <Icon width={16} height={16} />
            <span style={{ flex: 1 }}>{label}</span>
            {to === 'inbox' && unread > 0 && <Badge size="1" variant="solid" radius="full">{unread}</Badge>}
          </NavLink>
        ))}
      </Flex>

      <Box flexGrow="1" />
      {business.subscription_status === 'trial' && business.trial_ends_at && (
        <Box p="3" mb="2" style={{ background: 'var(--accent-a3)', borderRadius: 'var(--radius-3)' }}>
          <Text size="1" weight="medium" as="p">Free trial</Text>
          <Text size="1" color="gray" as="p">{Math.max(0, Math.ceil((Date.parse(business.trial_ends_at) - Date.now()) / 86_400_000))} days left</Text>
        </Box>
      )}
      <Separator size="4" mb="2" />
      <DropdownMenu.Root>
        <DropdownMenu.Trigger>
          <Button variant="ghost" color="gray" size="3" style={{ justifyContent: 'flex-start', margin: 0, height: 'auto', padding: 8 }} data-testid="user-menu">
            <UserAvatar name={name} />
            <Flex direction="column" align="start" style={{ minWidth: 0 }}>
              <Text size="2" weight="medium" truncate style={{ maxWidth: 160 }}>{name}</Text>
              <Text size="1" color="gray" truncate style={{ maxWidth: 160 }}>{user.email}</Text>
            </Flex>
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content side="top" style={{ minWidth: 220 }}>
          <DropdownMenu.Item onSelect={toggle}>{appearance === 'dark' ? <SunIcon /> : <MoonIcon />} {appearance === 'dark' ? 'Light theme' : 'Dark theme'}</DropdownMenu.Item>
          <DropdownMenu.Separator />
          <DropdownMenu.Item color="red" onSelect={() => void supabase().auth.signOut().then(() => navigate('/login'))} data-testid="sign-out"><ExitIcon /> Sign out</DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Root>
    </nav>
  );
}
