import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Box, Button, Flex, ScrollArea, Text, TextArea } from '@radix-ui/themes';
import { CheckIcon, ChatBubbleIcon, LockClosedIcon } from '@radix-ui/react-icons';
import { api } from '../lib/api';
import { useRealtime } from '../lib/realtime';
import type { ConversationItem } from '../lib/types';
import { EmptyState } from '../shell/empty-state';
import { ConversationHeader } from './ConversationHeader';
import { mentionedMembers } from './mentions';
import type { TeamMember } from '../lib/types';
import { useCannedResponses } from './useCannedResponses';
import { CannedResponsePicker } from './CannedResponsePicker';
import { AttachButton, MessageAttachments, PendingAttachments, type Attachment } from './attachments';

interface Message {
  id: string; sender_type: string; sender_name: string | null; content: string; status: string; is_internal_note: boolean; created_at: string;
  attachments?: Attachment[];
}

const TICKS: Record<string, string> = { sending: 'Sending…', sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not delivered' };

function Bubble({ m }: { m: Message }) {
  const mine = m.sender_type === 'agent' || m.sender_type === 'ai_bot';
  if (m.sender_type === 'system') {
    return <Flex justify="center" my="2"><Text size="1" color="gray" style={{ background: 'var(--gray-a3)', padding: '4px 10px', borderRadius: 999 }}>{m.content}</Text></Flex>;
  }
  const background = m.is_internal_note ? 'var(--amber-a3)' : mine ? 'var(--accent-9)' : 'var(--gray-a3)';
  const color = mine && !m.is_internal_note ? 'var(--accent-contrast)' : undefined;
  return (
    <Flex direction="column" align={mine ? 'end' : 'start'} my="2" data-testid="message">
      <Box style={{ background, color, padding: '8px 12px', borderRadius: 14, maxWidth: '72%', whiteSpace: 'pre-wrap', wordBreak: 'break-word', border: m.is_internal_note ? '1px dashed var(--amber-8)' : undefined }}>
        {m.is_internal_note && <Flex gap="1" align="center" mb="1"><LockClosedIcon /><Text size="1" weight="medium">Internal note</Text></Flex>}
        <Text size="2">{m.content}</Text>
        <MessageAttachments items={m.attachments} />
      </Box>
      <Text size="1" color="gray" mt="1">
        {m.sender_name ? `${m.sender_name} · ` : ''}{new Date(m.created_at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
        {mine && !m.is_internal_note && <> · <span title={TICKS[m.status]} style={{ color: m.status === 'failed' ? 'var(--red-11)' : m.status === 'read' ? 'var(--accent-11)' : undefined }}>{m.status === 'read' || m.status === 'delivered' ? <><CheckIcon style={{ verticalAlign: 'middle' }} />{m.status === 'read' && <CheckIcon style={{ verticalAlign: 'middle', marginLeft: -8 }} />}</> : TICKS[m.status]}</span></>}
      </Text>
    </Flex>
  );
}

/** Middle pane: the selected conversation's messages and the reply box (or the setup guide / a hint). */
export function ConversationThread({ conversation, onChanged, empty }: { conversation: ConversationItem | null; onChanged: () => void; empty: ReactNode }) {
  const [messages, setMessages] = useState<Message[]>([]);
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Attachment[]>([]);
  const end = useRef<HTMLDivElement>(null);
  const id = conversation?.id;
  const businessId = (conversation as (ConversationItem & { business_id?: string }) | null)?.business_id ?? '';
  const canned = useCannedResponses(businessId, draft, (content) => setDraft(content));
  const [team, setTeam] = useState<TeamMember[]>([]);
  useEffect(() => {
    if (businessId) void api<TeamMember[]>(`/businesses/${businessId}/team`).then(setTeam).catch(() => setTeam([]));
  }, [businessId]);

  useEffect(() => {
    if (!id) return;
    let live = true;
    const load = () => api<{ data: Message[] }>(`/conversations/${id}/messages?limit=100`).then((r) => live && setMessages(r.data)).catch(() => {});
    void load();
    void api(`/conversations/${id}/read`, { method: 'POST' }).catch(() => {});
    const timer = setInterval(load, 30_000);
    return () => { live = false; clearInterval(timer); };
  }, [id]);

  const [visitorTyping, setVisitorTyping] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastTypingSent = useRef(0);
  const broadcast = useRealtime(id ? `conversation:${id}` : null, [{ table: 'messages', filter: `conversation_id=eq.${id}` }], (change) => {
    const row = change.new as unknown as Message;
    if (!row?.id) return;
    setMessages((current) => {
      const at = current.findIndex((m) => m.id === row.id);
      if (at === -1) return [...current, row];
      const next = current.slice();
      next[at] = row;
      return next;
    });
    if (change.eventType === 'INSERT' && row.sender_type === 'customer') {
      setVisitorTyping(false);
      void api(`/conversations/${id}/read`, { method: 'POST' }).catch(() => {});
    }
  }, (event, payload) => {
    if (event !== 'typing' || payload.from !== 'visitor') return;
    setVisitorTyping(Boolean(payload.isTyping));
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => setVisitorTyping(false), 4000);
  });

  /** Tells the visitor an agent is typing, at most every 2 s (not for internal notes). */
  function typing(text: string) {
    setDraft(text);
    if (note || !text || Date.now() - lastTypingSent.current < 2000) return;
    lastTypingSent.current = Date.now();
    broadcast('typing', { from: 'agent', isTyping: true });
  }

  useEffect(() => {
    // A block body on purpose: newer browsers return a Promise from scrollIntoView, which React would take for a cleanup.
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  if (!conversation) {
    return (
      <section className="inbox-pane" aria-label="Conversation">
        {empty ?? <EmptyState icon={<ChatBubbleIcon width={24} height={24} />} title="Pick a conversation">Choose a conversation on the left to read it and reply.</EmptyState>}
      </section>
    );
  }

  async function send() {
    const content = draft.trim() || (pending.length ? pending.map((a) => a.name).join(', ') : '');
    if (!content) return;
    setError(null);
    try {
      const attachments = pending.map(({ url, type, size, name }) => ({ url, type, size, name }));
      const mentions = note ? mentionedMembers(content, team) : [];
      const sent = await api<Message>('/messages', { method: 'POST', body: { conversation_id: conversation!.id, content, is_internal_note: note, ...(attachments.length ? { attachments } : {}), ...(mentions.length ? { mentions } : {}) } });
      setMessages((m) => (m.some((x) => x.id === sent.id) ? m : [...m, { ...sent, attachments: pending }]));
      setDraft('');
      setPending([]);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function onKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (canned.onKey(e)) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  const name = conversation.customer.name ?? conversation.customer.email ?? conversation.customer.phone ?? 'Visitor';
  return (
    <section className="inbox-pane" aria-label={`Conversation with ${name}`}>
      <ConversationHeader conversation={conversation} name={name} onChanged={onChanged} />
      <ScrollArea style={{ flex: 1 }}>
        <Box px="4" py="3">
          {messages.map((m) => <Bubble key={m.id} m={m} />)}
          {visitorTyping && <Text size="1" color="gray" data-testid="visitor-typing">{(conversation.customer.name ?? 'Visitor')} is typing…</Text>}
          <div ref={end} />
        </Box>
      </ScrollArea>
      <Box p="3" style={{ borderTop: '1px solid var(--gray-a4)', background: note ? 'var(--amber-a2)' : undefined }}>
        <Flex gap="2" mb="2">
          <Button size="1" variant={note ? 'soft' : 'solid'} color={note ? 'gray' : undefined} onClick={() => setNote(false)}>Reply</Button>
          <Button size="1" variant={note ? 'solid' : 'soft'} color={note ? 'amber' : 'gray'} onClick={() => setNote(true)}><LockClosedIcon /> Internal note</Button>
        </Flex>
        <CannedResponsePicker matches={canned.matches} active={canned.active} onPick={canned.pick} />
        <PendingAttachments items={pending} onRemove={(a) => setPending((p) => p.filter((x) => x.url !== a.url))} />
        <TextArea value={draft} onChange={(e) => typing(e.target.value)} onKeyDown={onKey} placeholder={note ? 'Write a note only your team sees…' : `Reply to ${name}… (Enter sends, Shift+Enter for a new line)`} rows={3} aria-label="Message" data-testid="composer" />
        <Flex justify="between" align="center" mt="2">
          <Flex align="center" gap="3">
            <AttachButton businessId={businessId} onAttached={(a) => setPending((p) => [...p, a])} onError={setError} />
            <Text size="1" color={error ? 'red' : 'gray'}>{error ?? (note ? 'Notes stay inside the team; @name notifies a teammate' : 'Type / for saved replies')}</Text>
          </Flex>
          <Button onClick={() => void send()} disabled={!draft.trim() && !pending.length} data-testid="send">{note ? 'Add note' : 'Send'}</Button>
        </Flex>
      </Box>
    </section>
  );
}
