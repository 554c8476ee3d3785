import { useEffect, useState } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { supabase } from './supabase';
import { authorizedChannel } from './realtime';

/**
 * Joins the business's presence channel as the signed-in user and returns who is online
 * (user ids). Everyone with the dashboard open counts as online.
 */
export function useOnlineTeam(businessId: string, userId: string): Set<string> {
  const [online, setOnline] = useState<Set<string>>(() => new Set([userId]));
  useEffect(() => {
    let channel: RealtimeChannel | null = null;
    let cancelled = false;
    void (async () => {
      const opened = await authorizedChannel(`presence:${businessId}`, { config: { presence: { key: userId } } });
      if (cancelled && opened) void supabase().removeChannel(opened);
      if (!opened || cancelled) return;
      channel = opened;
      channel.on('presence', { event: 'sync' }, () => setOnline(new Set(Object.keys(channel!.presenceState()))));
      channel.subscribe((status) => {
        if (status === 'SUBSCRIBED') void channel!.track({ status: 'online', online_at: new Date().toISOString() });
      });
    })();
    return () => {
      cancelled = true;
      if (channel) void supabase().removeChannel(channel);
    };
  }, [businessId, userId]);
  return online;
}

export function PresenceDot({ online }: { online: boolean }) {
  return (
    <span aria-label={online ? 'online' : 'offline'} title={online ? 'Online' : 'Offline'} data-testid={online ? 'presence-online' : 'presence-offline'}
      style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 999, background: online ? 'var(--green-9)' : 'var(--gray-7)', flexShrink: 0 }} />
  );
}
