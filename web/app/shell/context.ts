import { useOutletContext } from 'react-router';
import type { User } from '@supabase/supabase-js';
import type { Business } from '../lib/types';

export interface ShellContext {
  business: Business;
  businesses: Business[];
  user: User;
  /** Fills the unread badge next to "Inbox" in the sidebar. */
  setUnread: (count: number) => void;
}

export const useShell = () => useOutletContext<ShellContext>();
