import { useCallback, useEffect, useRef } from 'react';
import type { RealtimeChannel, RealtimeChannelOptions, RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { currentSession, supabase } from './supabase';

export interface TableBinding {
  table: 'messages' | 'conversations' | 'notifications' | 'team_members';
  event?: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
  filter?: string;
}

/** A channel that carries the signed-in user's token (null when signed out). */
export async function authorizedChannel(topic: string, options?: RealtimeChannelOptions): Promise<RealtimeChannel | null> {
  const session = await currentSession();
  if (!session) return null;
  await supabase().realtime.setAuth(session.access_token);
  return supabase().channel(topic, options);
}

/**
 * Subscribes to row changes on `topic` through Supabase Realtime and calls `onChange` for each.
 * The channel carries the signed-in user's token; changes are authorized per row by the server.
 */
export function useRealtime(
  topic: string | null,
  bindings: TableBinding[],
  onChange: (payload: RealtimePostgresChangesPayload<Record<string, unknown>>) => void,
  onBroadcast?: (event: string, payload: Record<string, unknown>) => void,
): (event: string, payload: Record<string, unknown>) => void {
  const handler = useRef(onChange);
  handler.current = onChange;
  const broadcastHandler = useRef(onBroadcast);
  broadcastHandler.current = onBroadcast;
  const current = useRef<RealtimeChannel | null>(null);
  const key = JSON.stringify(bindings);

  useEffect(() => {
    if (!topic) return;
    let channel: RealtimeChannel | null = null;
    let cancelled = false;
    void (async () => {
      const opened = await authorizedChannel(topic);
      if (cancelled && opened) void supabase().removeChannel(opened);
      if (!opened || cancelled) return;
      channel = opened;
      for (const b of JSON.parse(key) as TableBinding[]) {
        channel.on('postgres_changes' as never, { event: b.event ?? '*', schema: 'public', table: b.table, ...(b.filter ? { filter: b.filter } : {}) } as never, (payload: RealtimePostgresChangesPayload<Record<string, unknown>>) => handler.current(payload));
      }
      channel.on('broadcast', { event: '*' }, ({ event, payload }) => broadcastHandler.current?.(event, payload ?? {}));
      channel.subscribe();
      current.current = channel;
    })();
    return () => {
      cancelled = true;
      current.current = null;
      if (channel) void supabase().removeChannel(channel);
    };
  }, [topic, key]);

  return useCallback((event: string, payload: Record<string, unknown>) => {
    void current.current?.send({ type: 'broadcast', event, payload });
  }, []);
}
