import { createClient, type Session, type SupabaseClient, type User } from '@supabase/supabase-js';
import { redirect } from 'react-router';
import { config } from './config';

let client: SupabaseClient | undefined;

/**
 * One supabase-js client for auth (session in localStorage, refreshed in the background),
 * pointed at the API's Supabase-compatible /auth/v1 or at a hosted Supabase project.
 */
export function supabase(): SupabaseClient {
  if (!client) {
    const { supabaseUrl, supabaseAnonKey } = config();
    client = createClient(supabaseUrl, supabaseAnonKey, {
      auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false, storageKey: 'crosschat-auth' },
    });
  }
  return client;
}

export async function currentSession(): Promise<Session | null> {
  const { data } = await supabase().auth.getSession();
  return data.session;
}

/** For clientLoaders: the session, or a redirect to /login that comes back here afterwards. */
export async function requireSession(request: Request): Promise<Session> {
  const session = await currentSession();
  if (!session) {
    const url = new URL(request.url);
    throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return session;
}

export async function signOut(): Promise<void> {
  localStorage.removeItem(LAST_BUSINESS_KEY);
  await supabase().auth.signOut();
}

export const LAST_BUSINESS_KEY = 'crosschat:business';

export const displayName = (user: User): string => (user.user_metadata?.full_name as string | undefined)?.trim() || user.email || 'You';

/** Only same-site paths are followed after sign-in. */
export const safeNext = (next: string | null, fallback: string): string => (next && next.startsWith('/') && !next.startsWith('//') ? next : fallback);
