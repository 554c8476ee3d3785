import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';
import { waitFor } from './wait.js';

type Vsn = '1.0.0' | '2.0.0';

/** A real supabase-js client signed in with `token`, speaking protocol `vsn` to `api`. */
async function clientFor(api: TestApi, token: string, vsn: Vsn = '2.0.0', apikey = api.settings.supabaseAnonKey): Promise<SupabaseClient> {
  // `accessToken` is supabase-js's way to bring your own token (here: ours or a widget visitor's).
  const client = createClient(api.url, apikey, {
    realtime: { vsn, heartbeatIntervalMs: 5000 } as never,
    accessToken: async () => token,
  });
  await client.realtime.setAuth();
  return client;
}

function subscribed(channel: RealtimeChannel): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${channel.topic} did not subscribe`)), 10_000);
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') { clearTimeout(timer); resolve(); }
      if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') { clearTimeout(timer); reject(err ?? new Error(status)); }
    });
  });
}

function refused(channel: RealtimeChannel): Promise<string> {
  return new Promise((resolve) => {
    channel.subscribe((status, err) => {
      if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') resolve(`${status}: ${err?.message ?? ''}`);
      if (status === 'SUBSCRIBED') resolve('SUBSCRIBED');
    });
  });
}

describe('Supabase Realtime protocol served by the API (real supabase-js client)', () => {
  const db = new TenantFixtures();
  let api: TestApi;
  let api2: TestApi;
  let a: Awaited<ReturnType<TenantFixtures['tenant']>>;
  let b: Awaited<ReturnType<TenantFixtures['tenant']>>;
  let convA: { id: string };
  let convB: { id: string };
  const clients: SupabaseClient[] = [];
  const track = (c: SupabaseClient) => (clients.push(c), c);

  beforeAll(async () => {
    api = await startTestApi();
    api2 = await startTestApi();
    a = await db.tenant('Realtime A');
    b = await db.tenant('Realtime B');
    convA = await db.conversation(a.business.id, (await db.customer(a.business.id)).id);
    convB = await db.conversation(b.business.id, (await db.customer(b.business.id)).id);
  });

  afterAll(async () => {
    for (const c of clients) {
      await c.removeAllChannels();
      c.realtime.disconnect();
    }
    await api.close();
    await api2.close();
    await db.close();
  });

  it.each(['1.0.0', '2.0.0'] as Vsn[])('delivers INSERT and UPDATE of messages filtered by conversation (vsn %s)', async (vsn) => {
    const supabase = track(await clientFor(api, a.owner.token, vsn));
    const events: any[] = [];
    const channel = supabase.channel(`conversation:${convA.id}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${convA.id}` }, (p) => events.push(p))
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'messages', filter: `conversation_id=eq.${convA.id}` }, (p) => events.push(p));
    await subscribed(channel);
    const message = await db.customerMessage(a.business.id, convA.id, `hello over ${vsn}`);
    await db.query(`update messages set status = 'read' where id = $1`, [message.id]);
    await waitFor(async () => (events.length >= 2 ? true : undefined), 10_000);
    expect(events[0]).toMatchObject({ eventType: 'INSERT', table: 'messages', schema: 'public', new: { id: message.id, content: `hello over ${vsn}` } });
    expect(events[1]).toMatchObject({ eventType: 'UPDATE', new: { id: message.id, status: 'read' }, old: { id: message.id } });
    expect(typeof events[0].commit_timestamp).toBe('string');
    await supabase.removeChannel(channel);
  });

  it('a subscriber of business A gets nothing of business B', async () => {
    const supabase = track(await clientFor(api, a.owner.token));
    const seen: string[] = [];
    const channel = supabase.channel(`business:${a.business.id}`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'messages' }, (p) => seen.push((p.new as any).content));
    await subscribed(channel);
    await db.customerMessage(b.business.id, convB.id, 'secret of B');
    await db.customerMessage(a.business.id, convA.id, 'marker of A');
    await waitFor(async () => (seen.includes('marker of A') ? true : undefined));
    expect(seen).toEqual(['marker of A']);
  });

  it('refuses joins of another business topic, unknown topics, bad tokens and a bad apikey', async () => {
    const supabase = track(await clientFor(api, a.owner.token));
    expect(await refused(supabase.channel(`business:${b.business.id}`))).toContain('CHANNEL_ERROR');
    expect(await refused(supabase.channel(`conversation:${convB.id}`))).toContain('CHANNEL_ERROR');
    expect(await refused(supabase.channel('lobby'))).toContain('CHANNEL_ERROR');
    const forged = track(await clientFor(api, 'not-a-jwt'));
    expect(await refused(forged.channel(`business:${a.business.id}`))).toContain('CHANNEL_ERROR');
    const badKey = track(await clientFor(api, a.owner.token, '2.0.0', 'wrong-key'));
    expect(await refused(badKey.channel(`business:${a.business.id}`))).not.toBe('SUBSCRIBED');
  });

  it('notifications reach only their user; limited agents only their assigned conversations', async () => {
    const limited = await db.user('Limited');
    const limitedMember = await db.member(a.business.id, limited.id, 'limited_agent');
    const supabase = track(await clientFor(api, limited.token));
    const notes: string[] = [];
    const convIds: string[] = [];
    const channel = supabase.channel(`business:${a.business.id}:limited`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notifications' }, (p) => notes.push((p.new as any).title))
      .on('postgres_changes', { event: '*', schema: 'public', table: 'conversations', filter: `business_id=eq.${a.business.id}` }, (p) => convIds.push((p.new as any).id));
    await subscribed(channel);
    await db.query(`insert into notifications (user_id, business_id, type, title) values ($1, $2, 'system', 'for the owner')`, [a.owner.id, a.business.id]);
    await db.query(`insert into notifications (user_id, business_id, type, title) values ($1, $2, 'system', 'for limited')`, [limited.id, a.business.id]);
    const other = await db.conversation(a.business.id, (await db.customer(a.business.id)).id);
    const mine = await db.conversation(a.business.id, (await db.customer(a.business.id)).id, { assigned_to: limitedMember.id });
    await waitFor(async () => (notes.length && convIds.length ? true : undefined));
    await db.customerMessage(a.business.id, mine.id, 'flush');
    await new Promise((r) => setTimeout(r, 300));
    expect(notes).toEqual(['for limited']);
    expect(convIds.every((id) => id === mine.id)).toBe(true);
    expect(convIds).not.toContain(other.id);
  });

  it('broadcast reaches the other subscribers (not the sender unless self), with ack', async () => {
    const one = track(await clientFor(api, a.owner.token));
    const agent = await db.user('Typist');
    await db.member(a.business.id, agent.id, 'agent');
    const two = track(await clientFor(api, agent.token));
    const gotOne: any[] = [];
    const gotTwo: any[] = [];
    const c1 = one.channel(`typing:${convA.id}`, { config: { broadcast: { ack: true, self: false } } }).on('broadcast', { event: 'typing' }, (m) => gotOne.push(m.payload));
    const c2 = two.channel(`typing:${convA.id}`).on('broadcast', { event: 'typing' }, (m) => gotTwo.push(m.payload));
    await subscribed(c1);
    await subscribed(c2);
    const result = await c1.send({ type: 'broadcast', event: 'typing', payload: { user: 'owner', isTyping: true } });
    expect(result).toBe('ok');
    await waitFor(async () => (gotTwo.length ? true : undefined));
    expect(gotTwo).toEqual([{ user: 'owner', isTyping: true }]);
    await new Promise((r) => setTimeout(r, 200));
    expect(gotOne).toEqual([]);
  });

  it('presence: two agents online, then one leaves', async () => {
    const one = track(await clientFor(api, a.owner.token));
    const other = await db.user('Presence');
    await db.member(a.business.id, other.id, 'agent');
    const two = track(await clientFor(api, other.token));
    const c1 = one.channel(`presence:${a.business.id}`, { config: { presence: { key: a.owner.id } } });
    c1.on('presence', { event: 'sync' }, () => {});
    await subscribed(c1);
    await c1.track({ status: 'online' });
    const c2 = two.channel(`presence:${a.business.id}`, { config: { presence: { key: other.id } } });
    c2.on('presence', { event: 'sync' }, () => {});
    await subscribed(c2);
    await c2.track({ status: 'online' });
    await waitFor(async () => (Object.keys(c1.presenceState()).length === 2 ? true : undefined));
    expect(Object.keys(c2.presenceState()).sort()).toEqual([a.owner.id, other.id].sort());
    await two.removeChannel(c2);
    await waitFor(async () => (Object.keys(c1.presenceState()).length === 1 ? true : undefined));
    expect(Object.keys(c1.presenceState())).toEqual([a.owner.id]);
  });

  it('works across two API instances: a change and a broadcast through one reach a subscriber of the other', async () => {
    const onTwo = track(await clientFor(api2, a.owner.token));
    const inserted: string[] = [];
    const typed: any[] = [];
    const channel = onTwo.channel(`conversation:${convA.id}:cross`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${convA.id}` }, (p) => inserted.push((p.new as any).content))
      .on('broadcast', { event: 'typing' }, (m) => typed.push(m.payload));
    await subscribed(channel);
    const sent = await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: convA.id, content: 'internal via instance one', is_internal_note: true } });
    expect(sent.status).toBe(201);
    const onOne = track(await clientFor(api, a.owner.token));
    const sender = onOne.channel(`conversation:${convA.id}:cross`);
    await subscribed(sender);
    await sender.send({ type: 'broadcast', event: 'typing', payload: { from: 'instance one' } });
    await waitFor(async () => (inserted.includes('internal via instance one') && typed.length ? true : undefined));
    expect(typed).toEqual([{ from: 'instance one' }]);
  });

  it('a widget visitor sees only its own conversation, never internal notes', async () => {
    const connect = await call(api, 'POST', '/integrations/widget/connect', { token: a.owner.token, body: { business_id: a.business.id } });
    const session = await call(api, 'POST', '/widget/v1/sessions', { body: { website_token: connect.body.platform_account_id } });
    const sent = await call(api, 'POST', '/widget/v1/messages', { token: session.body.visitor_token, body: { content: 'visitor hello', client_message_id: randomUUID() } });
    const conversationId = sent.body.conversation_id;
    expect(sent.status).toBe(200);
    const visitor = track(await clientFor(api, sent.body.visitor_token));
    expect(await refused(visitor.channel(`conversation:${convA.id}`))).toContain('CHANNEL_ERROR');
    expect(await refused(visitor.channel(`business:${a.business.id}`))).toContain('CHANNEL_ERROR');
    const seen: string[] = [];
    const channel = visitor.channel(`conversation:${conversationId}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${conversationId}` }, (p) => seen.push((p.new as any).content));
    await subscribed(channel);
    await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: conversationId, content: 'note: do not show', is_internal_note: true } });
    await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: conversationId, content: 'Hi visitor!' } });
    await waitFor(async () => (seen.includes('Hi visitor!') ? true : undefined));
    expect(seen).not.toContain('note: do not show');
  });
});
