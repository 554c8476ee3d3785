import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../lib/api';
import { useRealtime } from '../lib/realtime';

export interface ConversationCounts {
  open: { all: number; mine: number; unassigned: number };
  unread_conversations: number;
  unread_messages: number;
}

/** Realtime pushes changes; polling is only the safety net. */
const REFRESH_MS = 30_000;

/**
 * The business's open-conversation counts per inbox tab and its unread totals, kept current by
 * realtime conversation changes (a burst at a time). `refresh` reloads on demand.
 */
export function useConversationCounts(businessId: string): { counts: ConversationCounts | null; refresh: () => void } {
  const [counts, setCounts] = useState<ConversationCounts | null>(null);
  const load = useCallback(() => {
    api<ConversationCounts>(`/conversations/counts?business_id=${businessId}`).then(setCounts, () => {});
  }, [businessId]);

  useEffect(() => {
    setCounts(null);
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const burst = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const bindings = useMemo(() => [{ table: 'conversations' as const, filter: `business_id=eq.${businessId}` }], [businessId]);
  useRealtime(`business:${businessId}:counts`, bindings, () => {
    clearTimeout(burst.current);
    burst.current = setTimeout(load, 300);
  });
  useEffect(() => () => clearTimeout(burst.current), []);

  return { counts, refresh: load };
}
