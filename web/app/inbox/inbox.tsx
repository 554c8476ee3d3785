import { useCallback, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../lib/api';
import type { ConversationItem } from '../lib/types';
import { useShell } from '../shell/context';
import { ConversationList, type AssigneeFilter } from './ConversationList';
import { ConversationThread } from './ConversationThread';
import { CustomerSidebar } from './CustomerSidebar';

const REFRESH_MS = 5000;

export default function Inbox() {
  const { business } = useShell();
  const { conversationId } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const [filter, setFilter] = useState<AssigneeFilter>('all');
  const [conversations, setConversations] = useState<ConversationItem[] | null>(null);

  const load = useCallback(async () => {
    const query = new URLSearchParams({ business_id: business.id, assignee: filter, limit: '50', ...(q ? { q } : {}) });
    const page = await api<{ data: ConversationItem[] }>(`/conversations?${query}`);
    setConversations(page.data);
  }, [business.id, filter, q]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const selected = conversations?.find((c) => c.id === conversationId) ?? null;
  return (
    <div className="inbox" data-testid="inbox">
      <ConversationList businessId={business.id} conversations={conversations} filter={filter} onFilter={setFilter} selectedId={conversationId ?? null} query={q} />
      <ConversationThread conversation={selected} onChanged={load} />
      <CustomerSidebar conversation={selected} />
    </div>
  );
}
