import { useOutletContext } from 'react-router';
import type { User } from '@supabase/supabase-js';
import type { Business } from '../lib/types';
import type { ConversationCounts } from './conversation-counts';

export interface ShellContext {
  business: Business;
  businesses: Business[];
  user: User;
  /** Open conversations per inbox tab and unread totals (null while loading). */
  counts: ConversationCounts | null;
  /** Reloads the counts at once (after the agent changed a conversation). */
  refreshCounts: () => void;
}

export const useShell = () => useOutletContext<ShellContext>();
