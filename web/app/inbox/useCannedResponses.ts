import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { api } from '../lib/api';

export interface CannedResponse { id: string; shortcut: string; content: string }

/**
 * Saved replies for the composer: typing `/ship` lists the matching ones; arrows move,
 * Enter or Tab inserts, Escape closes.
 */
export function useCannedResponses(businessId: string, draft: string, insert: (content: string) => void) {
  const [all, setAll] = useState<CannedResponse[]>([]);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    void api<CannedResponse[]>(`/businesses/${businessId}/canned-responses`).then(setAll).catch(() => setAll([]));
  }, [businessId]);

  const query = /^\/([a-z0-9_-]*)$/i.exec(draft)?.[1]?.toLowerCase();
  const matches = useMemo(
    () => (query === undefined || dismissed === draft ? [] : all.filter((r) => r.shortcut.includes(query) || r.content.toLowerCase().includes(query)).slice(0, 6)),
    [all, query, dismissed, draft],
  );
  useEffect(() => setActive(0), [query]);

  /** Returns true when the key was the picker's. */
  function onKey(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!matches.length) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
      return true;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      insert(matches[active]!.content);
      return true;
    }
    if (e.key === 'Escape') {
      setDismissed(draft);
      return true;
    }
    return false;
  }

  return { matches, active, onKey, pick: (r: CannedResponse) => insert(r.content) };
}
