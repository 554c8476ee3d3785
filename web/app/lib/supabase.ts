import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { config } from './config';

let client: SupabaseClient | undefined;

/** One supabase-js client for auth (and later realtime), pointed at our API or a hosted project. */
export function supabase(): SupabaseClient {
  if (!client) {
    const { supabaseUrl, supabaseAnonKey } = config();
    client = createClient(supabaseUrl, supabaseAnonKey, { auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false } });
  }
  return client;
}

export async function currentSession() {
  const { data } = await supabase().auth.getSession();
  return data.session;
}
