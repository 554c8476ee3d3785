import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { DropdownMenu, Flex, Text } from '@radix-ui/themes';
import { ExitIcon, GearIcon, MoonIcon, PersonIcon, SunIcon } from '@radix-ui/react-icons';
import type { User } from '@supabase/supabase-js';
import { useAppearance } from '../lib/appearance';
import { displayName, signOut } from '../lib/supabase';
import { UserAvatar } from './user-avatar';

/** The signed-in user's menu: who you are, theme, sign out. `trigger` is the button that opens it. */
export function UserMenu({ user, businessId, trigger, side = 'bottom', align = 'end' }: {
  user: User; businessId: string; trigger: ReactNode; side?: 'top' | 'bottom'; align?: 'start' | 'end';
}) {
  const navigate = useNavigate();
  const { appearance, toggle } = useAppearance();
  const name = displayName(user);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Content side={side} align={align} style={{ minWidth: 240 }}>
        <Flex gap="3" align="center" px="2" py="2">
          <UserAvatar name={name} url={user.user_metadata?.avatar_url as string | undefined} size="3" />
          <Flex direction="column" style={{ minWidth: 0 }}>
            <Text size="2" weight="medium" truncate>{name}</Text>
            <Text size="1" color="gray" truncate>{user.email}</Text>
          </Flex>
        </Flex>
        <DropdownMenu.Separator />
        <DropdownMenu.Item onSelect={() => navigate(`/app/${businessId}/team`)}><PersonIcon /> Your team</DropdownMenu.Item>
        <DropdownMenu.Item onSelect={() => navigate(`/app/${businessId}/settings`)}><GearIcon /> Business settings</DropdownMenu.Item>
        <DropdownMenu.Item onSelect={toggle} data-testid="menu-theme">
          {appearance === 'dark' ? <SunIcon /> : <MoonIcon />} {appearance === 'dark' ? 'Light theme' : 'Dark theme'}
        </DropdownMenu.Item>
        <DropdownMenu.Separator />
        <DropdownMenu.Item color="red" data-testid="sign-out" onSelect={() => void signOut().then(() => navigate('/login', { replace: true }))}>
          <ExitIcon /> Sign out
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
