import { useOutletContext } from 'react-router';
import type { User } from '@supabase/supabase-js';
import type { Business } from '../lib/types';

export interface ShellContext {
  business: Business;
  businesses: Business[];
  user: User;
}

export const useShell = () => useOutletContext<ShellContext>();
