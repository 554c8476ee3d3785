import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../lib/api';
import { useRealtime } from '../lib/realtime';
import type { ConversationItem } from '../lib/types';
import { useShell } from '../shell/context';
import { ConversationList, type AssigneeFilter, type StatusFilter } from './ConversationList';
import { ConversationThread } from './ConversationThread';
import { CustomerSidebar } from './CustomerSidebar';
import { SetupGuide } from './SetupGuide';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useInboxShortcuts } from './useInboxShortcuts';
import { useNewMessageAlerts } from './useNewMessageAlerts';

/** Realtime pushes changes; polling is only the safety net. */
const REFRESH_MS = 15_000;

/** Three panes: conversation list, the open conversation, and the customer's details. */
export default function Inbox() {
  const { business, user, counts, refreshCounts } = useShell();
  const { conversationId } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const [filter, setFilter] = useState<AssigneeFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [conversations, setConversations] = useState<ConversationItem[] | null>(null);

  const [cursor, setCursor] = useState<string | null>(null);
  const loadingMore = useRef(false);
  const listQuery = useCallback((extra: Record<string, string> = {}) => new URLSearchParams({
    business_id: business.id, assignee: filter, limit: '50', ...(status !== 'any' ? { status } : {}), ...(q ? { q } : {}), ...extra,
  }), [business.id, filter, status, q]);

  /** (Re)loads the newest page; rows already paged in below it are kept. */
  const load = useCallback(async () => {
    try {
      const page = await api<{ data: ConversationItem[]; next_cursor: string | null }>(`/conversations?${listQuery()}`);
      setConversations((current) => {
        if (!current || current.length <= page.data.length) {
          setCursor(page.next_cursor);
          return page.data;
        }
        const fresh = new Set(page.data.map((c) => c.id));
        return [...page.data, ...current.slice(page.data.length).filter((c) => !fresh.has(c.id))];
      });
    } catch {
      setConversations((current) => current ?? []);
    }
  }, [listQuery]);

  /** The next page by cursor, when the end of the list comes into view. */
  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore.current) return;
    loadingMore.current = true;
    try {
      const page = await api<{ data: ConversationItem[]; next_cursor: string | null }>(`/conversations?${listQuery({ cursor })}`);
      setConversations((current) => {
        const seen = new Set((current ?? []).map((c) => c.id));
        return [...(current ?? []), ...page.data.filter((c) => !seen.has(c.id))];
      });
      setCursor(page.next_cursor);
    } finally {
      loadingMore.current = false;
    }
  }, [cursor, listQuery]);

  useEffect(() => {
    setConversations(null);
  }, [business.id, filter, status, q]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  // New conversations and messages of this business reload the list, a burst at a time.
  const burst = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const bindings = useMemo(() => [
    { table: 'conversations' as const, filter: `business_id=eq.${business.id}` },
    { table: 'messages' as const, event: 'INSERT' as const, filter: `business_id=eq.${business.id}` },
  ], [business.id]);
  const alert = useNewMessageAlerts(business.settings.notifications ?? { sound: true, desktop: true });
  const navigate = useNavigate();
  useRealtime(`inbox:${business.id}`, bindings, (change) => {
    const row = change.new as { sender_type?: string; content?: string; sender_name?: string | null; conversation_id?: string } | undefined;
    if (change.table === 'messages' && row?.sender_type === 'customer' && row.content) {
      alert({ content: row.content, sender_name: row.sender_name }, () => navigate(`/app/${business.id}/inbox/${row.conversation_id}`));
    }
    clearTimeout(burst.current);
    burst.current = setTimeout(() => void load(), 150);
  });
  useEffect(() => () => clearTimeout(burst.current), []);

  const onChanged = useCallback(() => { void load(); refreshCounts(); }, [load, refreshCounts]);
  const selected = conversations?.find((c) => c.id === conversationId) ?? null;

  const [helpOpen, setHelpOpen] = useState(false);
  const shortcuts = useMemo(() => {
    const go = (step: number) => {
      if (!conversations?.length) return;
      const at = conversations.findIndex((c) => c.id === conversationId);
      const next = conversations[Math.min(conversations.length - 1, Math.max(0, at === -1 ? 0 : at + step))]!;
      navigate(`/app/${business.id}/inbox/${next.id}${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    };
    return {
      next: () => go(1),
      previous: () => go(-1),
      resolve: () => { if (selected) void api(`/conversations/${selected.id}/status`, { method: 'PATCH', body: { status: 'resolved' } }).then(onChanged); },
      assignToMe: () => {
        if (!selected) return;
        void api<{ id: string }[]>(`/businesses/${business.id}/team`).then((team) => {
          const me = (team as unknown as { id: string; user_id: string }[]).find((m) => m.user_id === user.id);
          if (me) return api(`/conversations/${selected.id}/assign`, { method: 'POST', body: { assigned_to: me.id } }).then(onChanged);
        });
      },
      help: () => setHelpOpen(true),
    };
  }, [conversations, conversationId, selected, business.id, navigate, q, onChanged, user.id]);
  useInboxShortcuts(shortcuts);
  const nothingYet = conversations !== null && conversations.length === 0 && filter === 'all' && status === 'open' && !q;
  return (
    <div className="inbox" data-testid="inbox">
      <ConversationList businessId={business.id} conversations={conversations} counts={status === 'open' ? counts?.open ?? null : null} filter={filter} onFilter={setFilter} status={status} onStatus={setStatus}
        selectedId={conversationId ?? null} query={q} onLoadMore={() => void loadMore()} />
      <ConversationThread conversation={selected} onChanged={onChanged} empty={nothingYet ? <SetupGuide businessId={business.id} businessName={business.name} /> : null} />
      <CustomerSidebar conversation={selected} />
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
