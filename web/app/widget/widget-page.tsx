import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { Box, Button, Callout, Flex, Heading, IconButton, ScrollArea, Text, TextArea, Theme } from '@radix-ui/themes';
import { Cross2Icon, InfoCircledIcon, PaperPlaneIcon } from '@radix-ui/react-icons';
import { config } from '../lib/config';
import { Field } from '../auth/field';
import { RatingCard } from './rating-card';

interface WidgetConfig {
  business_name: string; title: string; subtitle: string; color: string; greeting_message: string | null;
  pre_chat_form: { enabled: boolean; require_email?: boolean }; within_working_hours: boolean; away_message: string;
}
interface VisitorMessage { id: string; sender_type: string; sender_name: string | null; content: string; created_at: string; status: string }
interface Session { visitor_token: string; conversation_id: string | null; customer: { id: string; name: string | null; email: string | null } | null }

const params = () => new URLSearchParams(typeof window === 'undefined' ? '' : window.location.search);

/** The visitor's chat, inside the iframe that widget.js adds to a business's site. */
export default function WidgetPage() {
  const websiteToken = params().get('website_token') ?? '';
  const apiUrl = params().get('api') ?? config().apiUrl;
  const storageKey = `crosschat:visitor:${websiteToken}`;
  const [widget, setWidget] = useState<WidgetConfig | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [messages, setMessages] = useState<VisitorMessage[]>([]);
  const [draft, setDraft] = useState('');
  const [agentTyping, setAgentTyping] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [rating, setRating] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);
  const channelRef = useRef<RealtimeChannel | null>(null);
  const lastTypingSent = useRef(0);

  const call = useCallback(async <T,>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> => {
    const res = await fetch(apiUrl + path, {
      method: init.method ?? 'GET',
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(Array.isArray(data.message) ? data.message.join(', ') : data.message ?? 'Something went wrong');
    return data as T;
  }, [apiUrl]);

  const adopt = useCallback((next: Session) => {
    localStorage.setItem(storageKey, next.visitor_token);
    setSession(next);
  }, [storageKey]);

  useEffect(() => {
    if (!websiteToken) return setError('This chat is not set up: the website token is missing.');
    void (async () => {
      try {
        setWidget(await call<WidgetConfig>(`/widget/v1/config?website_token=${encodeURIComponent(websiteToken)}`));
        const started = await call<Session>('/widget/v1/sessions', { method: 'POST', body: { website_token: websiteToken, visitor_token: localStorage.getItem(storageKey) ?? undefined } });
        adopt(started);
        const thread = await call<Session & { messages: VisitorMessage[]; status: string | null; rating?: number | null }>('/widget/v1/conversation', { token: started.visitor_token });
        setMessages(thread.messages);
        setStatus(thread.status);
        setRating(thread.rating ?? null);
      } catch (e) {
        setError((e as Error).message);
      }
    })();
  }, [websiteToken, call, adopt, storageKey]);

  // Messages from the host page: setUser, open.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.data?.source !== 'crosschat-host' || !session) return;
      if (event.data.type === 'setUser') {
        const u = event.data.user as { id: string; email?: string; name?: string; identifierHash?: string };
        void call<Session>('/widget/v1/identify', { method: 'POST', token: session.visitor_token, body: { user_id: u.id, email: u.email, name: u.name, identifier_hash: u.identifierHash } })
          .then(adopt).catch((e: Error) => setError(e.message));
      }
      if (event.data.type === 'open') void call('/widget/v1/read', { method: 'POST', token: session.visitor_token }).catch(() => {});
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [session, call, adopt]);

  // Live replies and typing through Supabase Realtime, with a token that only reaches this conversation.
  const token = session?.visitor_token;
  const conversationId = session?.conversation_id;
  const realtime = useMemo<SupabaseClient | null>(() => (token ? createClient(config().supabaseUrl, config().supabaseAnonKey, { accessToken: async () => token }) : null), [token]);
  useEffect(() => {
    if (!realtime || !conversationId) return;
    let channel: RealtimeChannel | null = null;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    void realtime.realtime.setAuth().then(() => {
      channel = realtime.channel(`conversation:${conversationId}`)
        .on('postgres_changes', { event: '*', schema: 'public', table: 'messages', filter: `conversation_id=eq.${conversationId}` }, (change) => {
          const row = change.new as VisitorMessage;
          if (!row?.id) return;
          setAgentTyping(false);
          setMessages((current) => (current.some((m) => m.id === row.id) ? current.map((m) => (m.id === row.id ? row : m)) : [...current, row]));
          if (row.sender_type !== 'customer' && document.visibilityState === 'visible') void call('/widget/v1/read', { method: 'POST', token }).catch(() => {});
        })
        .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'conversations', filter: `id=eq.${conversationId}` }, (change) => {
          const row = change.new as { status?: string; satisfaction_rating?: number | null };
          if (row.status) setStatus(row.status);
          if (row.satisfaction_rating !== undefined) setRating(row.satisfaction_rating);
        })
        .on('broadcast', { event: 'typing' }, ({ payload }) => {
          if (payload?.from !== 'agent') return;
          setAgentTyping(Boolean(payload.isTyping));
          clearTimeout(typingTimer);
          typingTimer = setTimeout(() => setAgentTyping(false), 4000);
        });
      channel.subscribe();
      channelRef.current = channel;
    });
    return () => {
      channelRef.current = null;
      clearTimeout(typingTimer);
      if (channel) void realtime.removeChannel(channel);
    };
  }, [realtime, conversationId, token, call]);

  useEffect(() => {
    // A block body on purpose: newer browsers return a Promise from scrollIntoView, which React would take for a cleanup.
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, agentTyping, status]);

  async function send() {
    const content = draft.trim();
    if (!content || !session) return;
    setDraft('');
    lastTypingSent.current = 0;
    setError(null);
    const client_message_id = crypto.randomUUID();
    const optimistic: VisitorMessage = { id: `local-${client_message_id}`, sender_type: 'customer', sender_name: null, content, created_at: new Date().toISOString(), status: 'sending' };
    setMessages((m) => [...m, optimistic]);
    try {
      const result = await call<Session & { message: VisitorMessage }>('/widget/v1/messages', { method: 'POST', token: session.visitor_token, body: { content, client_message_id } });
      setMessages((m) => {
        const without = m.filter((x) => x.id !== optimistic.id);
        return without.some((x) => x.id === result.message.id) ? without : [...without, result.message];
      });
      if (result.conversation_id !== session.conversation_id) {
        setRating(null);
        adopt(result);
      }
      setStatus('open');
    } catch (e) {
      setMessages((m) => m.filter((x) => x.id !== optimistic.id));
      setDraft(content);
      setError((e as Error).message);
    }
  }

  async function preChat(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!session) return;
    const form = new FormData(event.currentTarget);
    try {
      adopt(await call<Session>('/widget/v1/identify', { method: 'POST', token: session.visitor_token, body: { name: String(form.get('name') || '') || undefined, email: String(form.get('email') || '') || undefined } }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  };

  const color = widget?.color ?? 'var(--accent-9)';
  const needsPreChat = widget?.pre_chat_form.enabled && !session?.customer?.email && messages.length === 0;
  const appearance = params().get('theme') === 'dark' ? 'dark' : 'light';
  return (
    <Theme appearance={appearance} accentColor="indigo" grayColor="slate" radius="large">
    <Flex direction="column" style={{ height: '100vh', background: 'var(--color-panel-solid)' }} data-testid="widget" lang={params().get('locale') ?? undefined}>
      <Flex align="center" justify="between" px="4" py="3" style={{ background: color, color: 'white' }}>
        <div>
          <Heading size="4" style={{ color: 'white' }}>{widget?.title ?? 'Chat'}</Heading>
          <Text size="1" style={{ opacity: 0.9 }}>{widget ? (widget.within_working_hours ? widget.subtitle : 'We are away right now') : ' '}</Text>
        </div>
        <IconButton variant="ghost" style={{ color: 'white' }} aria-label="Close chat" onClick={() => window.parent.postMessage({ source: 'crosschat-widget', type: 'close' }, '*')}><Cross2Icon /></IconButton>
      </Flex>
      {widget && !widget.within_working_hours && (
        <Callout.Root size="1" color="amber" m="3" data-testid="widget-away"><Callout.Icon><InfoCircledIcon /></Callout.Icon><Callout.Text>{widget.away_message}</Callout.Text></Callout.Root>
      )}
      {error && <Callout.Root size="1" color="red" m="3" role="alert"><Callout.Text>{error}</Callout.Text></Callout.Root>}
      {needsPreChat ? (
        <form onSubmit={preChat} style={{ padding: 16 }}>
          <Flex direction="column" gap="3">
            <Text size="2">Before we start, how can we reach you?</Text>
            <Field id="prechat-name" name="name" label="Name" />
            <Field id="prechat-email" name="email" type="email" label="Email" required={widget?.pre_chat_form.require_email} />
            <Button type="submit">Start chatting</Button>
          </Flex>
        </form>
      ) : (
        <>
          <ScrollArea style={{ flex: 1 }}>
            <Box p="3">
              {widget?.greeting_message && messages.length === 0 && (
                <Flex my="2"><Box style={{ background: 'var(--gray-a3)', padding: '8px 12px', borderRadius: 14, maxWidth: '80%' }}><Text size="2">{widget.greeting_message}</Text></Box></Flex>
              )}
              {messages.map((m) => {
                const mine = m.sender_type === 'customer';
                return (
                  <Flex key={m.id} direction="column" align={mine ? 'end' : 'start'} my="2" data-testid="widget-message">
                    <Box style={{ background: mine ? color : 'var(--gray-a3)', color: mine ? 'white' : undefined, padding: '8px 12px', borderRadius: 14, maxWidth: '80%', whiteSpace: 'pre-wrap', wordBreak: 'break-word', opacity: mine && m.status === 'sending' ? 0.7 : 1 }}>
                      <Text size="2">{m.content}</Text>
                    </Box>
                    {!mine && m.sender_name && <Text size="1" color="gray" mt="1">{m.sender_name}</Text>}
                  </Flex>
                );
              })}
              {agentTyping && <Text size="1" color="gray" data-testid="widget-typing">Typing…</Text>}
              {(status === 'resolved' || status === 'closed') && session && (
                <RatingCard rating={rating} color={color} onRate={async (value, comment) => {
                  try {
                    const saved = await call<{ rating: number }>('/widget/v1/rating', { method: 'POST', token: session.visitor_token, body: { rating: value, ...(comment ? { comment } : {}) } });
                    setRating(saved.rating);
                  } catch (e) {
                    setError((e as Error).message);
                  }
                }} />
              )}
              <div ref={end} />
            </Box>
          </ScrollArea>
          <Flex gap="2" p="3" align="end" style={{ borderTop: '1px solid var(--gray-a4)' }}>
            <TextArea value={draft} onChange={(e) => {
              setDraft(e.target.value);
              // Only a signal that was really sent starts the 2 s quiet period (no channel before the first message).
              if (e.target.value && channelRef.current && Date.now() - lastTypingSent.current > 2000) {
                lastTypingSent.current = Date.now();
                void channelRef.current?.send({ type: 'broadcast', event: 'typing', payload: { from: 'visitor', isTyping: true } });
              }
            }} onKeyDown={onKey} placeholder="Write a message…" rows={2} style={{ flex: 1 }} aria-label="Message" data-testid="widget-composer" disabled={!session} />
            <IconButton size="3" onClick={() => void send()} disabled={!draft.trim() || !session} aria-label="Send" style={{ background: color }}><PaperPlaneIcon /></IconButton>
          </Flex>
          <Text size="1" color="gray" align="center" mb="2">Powered by CrossChat</Text>
        </>
      )}
    </Flex>
    </Theme>
  );
}
