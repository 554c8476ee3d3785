import type { RefObject } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { Flex, TextField } from '@radix-ui/themes';
import { MagnifyingGlassIcon } from '@radix-ui/react-icons';
import type { User } from '@supabase/supabase-js';
import { displayName } from '../lib/supabase';
import type { Business } from '../lib/types';
import { NotificationsBell } from './notifications-bell';
import { ThemeToggle } from './theme-toggle';
import { UserAvatar } from './user-avatar';
import { UserMenu } from './user-menu';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Search (⌘K or / focuses it), notifications, theme and the user's avatar menu. */
export function TopBar({ business, user, searchRef }: { business: Business; user: User; searchRef: RefObject<HTMLInputElement | null> }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const name = displayName(user);
  // On the customer pages the search looks for customers; everywhere else, in the inbox.
  const target = pathname.includes('/customers') ? 'customers' : 'inbox';
  const current = pathname.includes(`/${target}`) ? params.get('q') ?? '' : '';
  const label = target === 'customers' ? 'Search customers' : 'Search conversations and customers';
  return (
    <header className="topbar">
      <form className="topbar-search" role="search" onSubmit={(e) => {
        e.preventDefault();
        const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
        navigate(`/app/${business.id}/${target}${q ? `?q=${encodeURIComponent(q)}` : ''}`);
      }}>
        <TextField.Root ref={searchRef} name="q" type="search" defaultValue={current} key={`${target}:${current}`}
          placeholder={label} aria-label={label} size="2" variant="soft" color="gray" data-testid="search">
          <TextField.Slot><MagnifyingGlassIcon /></TextField.Slot>
          <TextField.Slot><kbd className="kbd-hint" aria-hidden="true">{isMac ? '⌘K' : 'Ctrl K'}</kbd></TextField.Slot>
        </TextField.Root>
      </form>
      <Flex align="center" gap="3" ml="auto">
        <NotificationsBell businessId={business.id} />
        <ThemeToggle />
        <UserMenu user={user} businessId={business.id} trigger={
          <button type="button" className="user-button" style={{ width: 'auto', padding: 2, borderRadius: 999 }} aria-label={`Account menu for ${name}`} data-testid="topbar-user-menu">
            <UserAvatar name={name} url={user.user_metadata?.avatar_url as string | undefined} />
          </button>
        } />
      </Flex>
    </header>
  );
}
