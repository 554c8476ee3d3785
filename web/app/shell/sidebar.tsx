import { NavLink, useNavigate } from 'react-router';
import { Badge, Box, DropdownMenu, Flex, Separator, Text } from '@radix-ui/themes';
import { BarChartIcon, CaretSortIcon, ChatBubbleIcon, CheckIcon, GearIcon, PersonIcon, PlusIcon, TokensIcon } from '@radix-ui/react-icons';
import type { User } from '@supabase/supabase-js';
import { displayName } from '../lib/supabase';
import { ROLE_LABEL, type Business } from '../lib/types';
import { Logo } from './logo';
import { UserAvatar } from './user-avatar';
import { UserMenu } from './user-menu';

const NAV = [
  { to: 'inbox', label: 'Inbox', icon: ChatBubbleIcon },
  { to: 'customers', label: 'Customers', icon: PersonIcon },
  { to: 'team', label: 'Team', icon: TokensIcon },
  { to: 'analytics', label: 'Analytics', icon: BarChartIcon },
  { to: 'settings', label: 'Settings', icon: GearIcon },
] as const;

const planLabel = (plan: string) => `${plan[0]?.toUpperCase() ?? ''}${plan.slice(1)} plan`;

function BusinessMark({ name }: { name: string }) {
  return <span className="logo-mark business-mark" aria-hidden="true">{name.trim()[0]?.toUpperCase() ?? '?'}</span>;
}

function BusinessSwitcher({ business, businesses }: { business: Business; businesses: Business[] }) {
  const navigate = useNavigate();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger>
        <button type="button" className="user-button" style={{ border: '1px solid var(--gray-a5)', background: 'var(--color-panel-solid)' }} data-testid="business-switcher" aria-label={`Business: ${business.name}. Switch business`}>
          <BusinessMark name={business.name} />
          <Flex direction="column" style={{ minWidth: 0, flex: 1 }}>
            <Text size="2" weight="medium" truncate>{business.name}</Text>
            <Text size="1" color="gray" truncate>{ROLE_LABEL[business.role]} · {planLabel(business.plan_type)}</Text>
          </Flex>
          <CaretSortIcon color="var(--gray-10)" />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content style={{ minWidth: 236 }} data-testid="business-menu">
        <DropdownMenu.Label>Your businesses</DropdownMenu.Label>
        {businesses.map((b) => (
          <DropdownMenu.Item key={b.id} onSelect={() => navigate(`/app/${b.id}/inbox`)} data-testid="business-option">
            <Flex justify="between" align="center" width="100%" gap="3">
              <Flex align="center" gap="2" style={{ minWidth: 0 }}><BusinessMark name={b.name} /><Text truncate>{b.name}</Text></Flex>
              {b.id === business.id ? <CheckIcon aria-label="Current" /> : <Text size="1" color="gray">{ROLE_LABEL[b.role]}</Text>}
            </Flex>
          </DropdownMenu.Item>
        ))}
        <DropdownMenu.Separator />
        <DropdownMenu.Item onSelect={() => navigate('/onboarding')} data-testid="create-business"><PlusIcon /> Create business</DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}

function TrialCard({ business }: { business: Business }) {
  if (business.subscription_status !== 'trial' || !business.trial_ends_at) return null;
  const total = 14;
  const left = Math.max(0, Math.ceil((Date.parse(business.trial_ends_at) - Date.now()) / 86_400_000));
  return (
    <div className="trial-card" data-testid="trial-card">
      <Flex justify="between" align="center">
        <Text size="1" weight="medium">Free trial</Text>
        <Text size="1" color="gray">{left} {left === 1 ? 'day' : 'days'} left</Text>
      </Flex>
      <div className="trial-bar" role="progressbar" aria-label="Trial days used" aria-valuemin={0} aria-valuemax={total} aria-valuenow={total - Math.min(total, left)}>
        <span style={{ width: `${Math.min(100, ((total - Math.min(total, left)) / total) * 100)}%` }} />
      </div>
    </div>
  );
}

/** Left column: logo, business switcher, navigation, trial status and the user menu. */
export function Sidebar({ business, businesses, user, unread = 0 }: { business: Business; businesses: Business[]; user: User; unread?: number }) {
  const name = displayName(user);
  return (
    <aside className="sidebar">
      <Box px="2" pb="3"><Logo /></Box>
      <BusinessSwitcher business={business} businesses={businesses} />
      <nav aria-label="Main">
        <Flex direction="column" gap="1" mt="4">
          {NAV.map(({ to, label, icon: Icon }) => (
            <NavLink key={to} to={to} className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`} data-testid={`nav-${to}`}>
              <Icon width={16} height={16} aria-hidden="true" />
              <span style={{ flex: 1 }}>{label}</span>
              {to === 'inbox' && unread > 0 && <Badge size="1" variant="solid" radius="full" aria-label={`${unread} unread`} data-testid="unread-badge">{unread > 99 ? '99+' : unread}</Badge>}
            </NavLink>
          ))}
        </Flex>
      </nav>
      <Box flexGrow="1" />
      <TrialCard business={business} />
      <Separator size="4" my="2" />
      <UserMenu user={user} businessId={business.id} side="top" align="start" trigger={
        <button type="button" className="user-button" data-testid="user-menu" aria-label={`Account: ${name}`}>
          <UserAvatar name={name} url={user.user_metadata?.avatar_url as string | undefined} />
          <Flex direction="column" style={{ minWidth: 0, flex: 1 }}>
            <Text size="2" weight="medium" truncate>{name}</Text>
            <Text size="1" color="gray" truncate>{user.email}</Text>
          </Flex>
          <CaretSortIcon color="var(--gray-10)" />
        </button>
      } />
    </aside>
  );
}
