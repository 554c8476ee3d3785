import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';
import { EventLog, RealtimeClients, foreignToken, outcome, subscribed, tokenFor, type Vsn } from './fixtures/realtime-fixtures.js';

type Change = RealtimePostgresChangesPayload<Record<string, any>>;
const ISO_MS_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The API's Supabase-Realtime-compatible server, driven by the real @supabase/supabase-js
 * client. Rows are written straight into Postgres (or through the REST API) and must arrive
 * through the triggers' NOTIFY, authorized per subscriber.
 */
describe('Realtime with the real supabase-js client', () => {
  const db = new TenantFixtures();
  const clients = new RealtimeClients();
  let api: TestApi;
  let api2: TestApi;

  beforeAll(async () => {
    [api, api2] = await Promise.all([startTestApi(), startTestApi()]);
  });

  afterAll(async () => {
    await clients.closeAll();
    await Promise.all([api.close(), api2.close()]);
    await db.close();
  });

  async function tenantWithConversation(name: string) {
    const t = await db.tenant(name);
    const conversation = await db.conversation(t.business.id, (await db.customer(t.business.id)).id);
    return { ...t, conversation };
  }

  it.each(['1.0.0', '2.0.0'] as Vsn[])('delivers INSERT, UPDATE and DELETE of messages filtered by conversation (vsn %s)', async (vsn) => {
    const a = await tenantWithConversation(`Realtime ${vsn}`);
    const other = await db.conversation(a.business.id, (await db.customer(a.business.id)).id);
    const supabase = await clients.connect(api, a.owner.token, { vsn });
    const events = new EventLog<Change>();
    const filter = `conversation_id=eq.${a.conversation.id}`;
    const channel = supabase.channel(`conversation:${a.conversation.id}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter }, events.push)
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'messages', filter }, events.push)
      .on('postgres_changes', { event: 'DELETE', schema: 'public', table: 'messages', filter }, events.push);
    await subscribed(channel);

    await db.customerMessage(a.business.id, other.id, 'another conversation');
    const message = await db.customerMessage(a.business.id, a.conversation.id, `hello over ${vsn}`);
    await db.query(`update messages set status = 'read' where id = $1`, [message.id]);
    await db.query(`delete from messages where id = $1`, [message.id]);
    await events.next((e) => e.eventType === 'DELETE');

    expect(events.items.map((e) => e.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    const [inserted, updated, deleted] = events.items as [Change, Change, Change];
    expect(inserted).toMatchObject({ schema: 'public', table: 'messages', new: { id: message.id, content: `hello over ${vsn}`, conversation_id: a.conversation.id, status: 'delivered' }, old: {} });
    expect(inserted.commit_timestamp).toMatch(ISO_MS_Z);
    expect(updated).toMatchObject({ new: { id: message.id, status: 'read' }, old: { id: message.id } });
    // Like Supabase under RLS: a DELETE carries only the primary key.
    expect(deleted.old).toEqual({ id: message.id });
    expect(deleted.new).toEqual({});
  });

  it('a row too large for NOTIFY is announced by id and re-read; its DELETE still reaches the right subscribers', async () => {
    const a = await tenantWithConversation('Large rows');
    const b = await tenantWithConversation('Large rows B');
    const supabase = await clients.connect(api, a.owner.token);
    const events = new EventLog<Change>();
    await subscribed(supabase.channel(`business:${a.business.id}`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'messages', filter: `conversation_id=eq.${a.conversation.id}` }, events.push)
      .on('postgres_changes', { event: 'DELETE', schema: 'public', table: 'messages' }, events.push));
    const big = 'x'.repeat(12_000);
    const foreign = await db.customerMessage(b.business.id, b.conversation.id, big);
    const message = await db.customerMessage(a.business.id, a.conversation.id, big);
    // Re-read after the commit: a row deleted before the listener reads it is not announced as inserted.
    await events.next((e) => e.eventType === 'INSERT');
    await db.query('delete from messages where id = any($1)', [[foreign.id, message.id]]);
    await events.next((e) => e.eventType === 'DELETE' && (e.old as any).id === message.id);
    expect(events.items.map((e) => e.eventType)).toEqual(['INSERT', 'DELETE', 'DELETE']);
    expect((events.items[0]!.new as any).content).toHaveLength(12_000);
    expect(events.items.slice(1).map((e) => e.old)).toEqual([{ id: message.id }, { id: message.id }]);
  });

  it('a subscriber of business A receives nothing of business B', async () => {
    const a = await tenantWithConversation('Isolation A');
    const b = await tenantWithConversation('Isolation B');
    const supabase = await clients.connect(api, a.owner.token);
    const seen = new EventLog<Change>();
    const channel = supabase.channel(`business:${a.business.id}`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'messages' }, seen.push)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'conversations' }, seen.push)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'team_members' }, seen.push);
    await subscribed(channel);

    await db.customerMessage(b.business.id, b.conversation.id, 'secret of B');
    await db.query(`update conversations set subject = 'secret subject of B' where id = $1`, [b.conversation.id]);
    await db.member(b.business.id, (await db.user('B agent')).id, 'agent');
    await db.customerMessage(a.business.id, a.conversation.id, 'marker of A');
    await seen.next((e) => (e.new as any).content === 'marker of A');

    // The marker and the conversation counters its insert bumped: all of A, nothing of B.
    expect(seen.items.map((e) => e.table).sort()).toEqual(['conversations', 'messages']);
    expect(seen.items.every((e) => (e.new as any).business_id === a.business.id)).toBe(true);
    expect((await outcome(supabase.channel(`business:${b.business.id}`))).status).toBe('CHANNEL_ERROR');
    expect((await outcome(supabase.channel(`conversation:${b.conversation.id}`))).status).toBe('CHANNEL_ERROR');
    expect((await outcome(supabase.channel(`presence:${b.business.id}`))).status).toBe('CHANNEL_ERROR');
  });

  it('filters with eq, in and neq deliver only matching rows', async () => {
    const a = await db.tenant('Filters');
    const customer = await db.customer(a.business.id);
    const [c1, c2, c3] = [await db.conversation(a.business.id, customer.id), await db.conversation(a.business.id, customer.id), await db.conversation(a.business.id, customer.id)] as [{ id: string }, { id: string }, { id: string }];
    const supabase = await clients.connect(api, a.owner.token);
    const byId = new EventLog<Change>();
    const byPriority = new EventLog<Change>();
    const byStatus = new EventLog<Change>();
    const channel = supabase.channel(`business:${a.business.id}:filters`)
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'conversations', filter: `id=eq.${c1.id}` }, byId.push)
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'conversations', filter: 'priority=in.(high,urgent)' }, byPriority.push)
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'conversations', filter: 'status=neq.open' }, byStatus.push);
    await subscribed(channel);

    await db.query(`update conversations set priority = 'high' where id = $1`, [c2.id]);
    await db.query(`update conversations set status = 'pending' where id = $1`, [c3.id]);
    await db.query(`update conversations set subject = 'renamed' where id = $1`, [c1.id]);
    await db.query(`update conversations set priority = 'urgent', status = 'resolved' where id = $1`, [c1.id]);
    await Promise.all([
      byId.next((e) => (e.new as any).status === 'resolved'),
      byPriority.next((e) => (e.new as any).id === c1.id),
      byStatus.next((e) => (e.new as any).id === c1.id),
    ]);

    expect(byId.items.map((e) => (e.new as any).id)).toEqual([c1.id, c1.id]);
    expect(byPriority.items.map((e) => (e.new as any).id)).toEqual([c2.id, c1.id]);
    expect(byStatus.items.map((e) => (e.new as any).id)).toEqual([c3.id, c1.id]);
  });

  it('notifications reach only their user', async () => {
    const a = await db.tenant('Notifications');
    const colleague = await db.user('Colleague');
    await db.member(a.business.id, colleague.id, 'agent');
    const ownerLog = new EventLog<Change>();
    const colleagueLog = new EventLog<Change>();
    const ownerClient = await clients.connect(api, a.owner.token);
    const colleagueClient = await clients.connect(api, colleague.token);
    // Both listen to every notification insert, without a filter: the server decides.
    await subscribed(ownerClient.channel(`business:${a.business.id}`).on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notifications' }, ownerLog.push));
    await subscribed(colleagueClient.channel(`user:${colleague.id}`).on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'notifications' }, colleagueLog.push));

    const notify = (userId: string, title: string) =>
      db.query(`insert into notifications (user_id, business_id, type, title) values ($1, $2, 'system', $3)`, [userId, a.business.id, title]);
    await notify(colleague.id, 'for the colleague');
    await notify(a.owner.id, 'for the owner');
    await notify(colleague.id, 'colleague marker');
    await Promise.all([ownerLog.next(), colleagueLog.next((e) => (e.new as any).title === 'colleague marker')]);

    expect(ownerLog.items.map((e) => (e.new as any).title)).toEqual(['for the owner']);
    expect(colleagueLog.items.map((e) => (e.new as any).title)).toEqual(['for the colleague', 'colleague marker']);
    expect((await outcome(colleagueClient.channel(`user:${a.owner.id}`))).status).toBe('CHANNEL_ERROR');
  });

  it('a limited agent only receives the conversations assigned to them and their messages', async () => {
    const a = await db.tenant('Limited');
    const limited = await db.user('Limited agent');
    const limitedMember = await db.member(a.business.id, limited.id, 'limited_agent');
    const customer = await db.customer(a.business.id);
    const others = await db.conversation(a.business.id, customer.id);
    const supabase = await clients.connect(api, limited.token);
    const conversations = new EventLog<Change>();
    const messages = new EventLog<Change>();
    await subscribed(supabase.channel(`business:${a.business.id}`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'conversations', filter: `business_id=eq.${a.business.id}` }, conversations.push)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages' }, messages.push));
    expect((await outcome(supabase.channel(`conversation:${others.id}`))).status).toBe('CHANNEL_ERROR');

    const mine = await db.conversation(a.business.id, customer.id, { assigned_to: limitedMember.id });
    await db.query(`update conversations set priority = 'high' where id = $1`, [others.id]);
    await db.customerMessage(a.business.id, others.id, 'not for the limited agent');
    await db.customerMessage(a.business.id, mine.id, 'for the limited agent');
    await messages.next((e) => (e.new as any).content === 'for the limited agent');

    // Its conversation's INSERT and the counter UPDATE of the message insert; never the other one.
    expect(conversations.items.map((e) => `${e.eventType} ${(e.new as any).id}`)).toEqual([`INSERT ${mine.id}`, `UPDATE ${mine.id}`]);
    expect(messages.items.map((e) => (e.new as any).content)).toEqual(['for the limited agent']);

    // Its conversation channel closes once the conversation is assigned to someone else.
    const thread = supabase.channel(`conversation:${mine.id}`);
    const status = await subscribed(thread);
    await db.query(`update conversations set assigned_to = null where id = $1`, [mine.id]);
    await status.next((s) => s.status === 'CLOSED');
  });

  it('a member removed from the business loses their channels at once', async () => {
    const a = await tenantWithConversation('Removal');
    const agent = await db.user('Leaving agent');
    const member = await db.member(a.business.id, agent.id, 'agent');
    const supabase = await clients.connect(api, agent.token);
    const system = new EventLog<any>();
    const channel = supabase.channel(`business:${a.business.id}`).on('system', {}, system.push);
    const status = await subscribed(channel);
    await db.query('update team_members set is_active = false where id = $1', [member.id]);
    await status.next((s) => s.status === 'CLOSED');
    expect(await system.next((m) => m.status === 'error')).toMatchObject({ extension: 'system', message: expect.stringContaining('not a member') });
  });

  it.each(['1.0.0', '2.0.0'] as Vsn[])('broadcast between two clients: self false excludes the sender, ack answers (vsn %s)', async (vsn) => {
    const a = await tenantWithConversation(`Broadcast ${vsn}`);
    const agent = await db.user('Typist');
    await db.member(a.business.id, agent.id, 'agent');
    const one = await clients.connect(api, a.owner.token, { vsn });
    const two = await clients.connect(api, agent.token, { vsn });
    const gotOne = new EventLog<any>();
    const gotTwo = new EventLog<any>();
    const topic = `typing:${a.conversation.id}`;
    const c1 = one.channel(topic, { config: { broadcast: { ack: true, self: false } } }).on('broadcast', { event: '*' }, gotOne.push);
    const c2 = two.channel(topic).on('broadcast', { event: '*' }, gotTwo.push);
    const echo = one.channel(`conversation:${a.conversation.id}`, { config: { broadcast: { self: true, ack: true } } }).on('broadcast', { event: 'echo' }, gotOne.push);
    await Promise.all([subscribed(c1), subscribed(c2), subscribed(echo)]);

    expect(await c1.send({ type: 'broadcast', event: 'typing', payload: { user: 'owner', isTyping: true, note: 'ünïcode ✓' } })).toBe('ok');
    await gotTwo.next((m) => m.event === 'typing');
    expect(gotTwo.items).toEqual([{ type: 'broadcast', event: 'typing', payload: { user: 'owner', isTyping: true, note: 'ünïcode ✓' } }]);
    // The reply can only arrive after the server handled the first send: nothing of it reached its sender.
    await c2.send({ type: 'broadcast', event: 'reply', payload: { from: 'agent' } });
    await gotOne.next((m) => m.event === 'reply');
    expect(gotOne.items.map((m) => m.event)).toEqual(['reply']);

    expect(await echo.send({ type: 'broadcast', event: 'echo', payload: { n: 1 } })).toBe('ok');
    expect((await gotOne.next((m) => m.event === 'echo')).payload).toEqual({ n: 1 });
  });

  it('presence: sync shows both users, then one after the other leaves or disconnects', async () => {
    const a = await db.tenant('Presence');
    const other = await db.user('Present');
    await db.member(a.business.id, other.id, 'agent');
    const one = await clients.connect(api, a.owner.token);
    const two = await clients.connect(api, other.token);
    const topic = `presence:${a.business.id}`;
    const syncs = new EventLog<string[]>();
    const c1 = one.channel(topic, { config: { presence: { key: a.owner.id } } });
    c1.on('presence', { event: 'sync' }, () => syncs.push(Object.keys(c1.presenceState()).sort()));
    await subscribed(c1);
    expect(await c1.track({ status: 'online' })).toBe('ok');
    await syncs.next((keys) => keys.length === 1);

    const c2 = two.channel(topic, { config: { presence: { key: other.id } } });
    c2.on('presence', { event: 'sync' }, () => {});
    await subscribed(c2);
    await c2.track({ status: 'online' });
    const both = [a.owner.id, other.id].sort();
    await syncs.next((keys) => keys.length === 2);
    expect(Object.keys(c2.presenceState()).sort()).toEqual(both);
    expect(c1.presenceState()[other.id]).toEqual([expect.objectContaining({ status: 'online', presence_ref: expect.any(String) })]);

    const beforeLeave = syncs.mark();
    await two.removeChannel(c2);
    await syncs.next((keys) => keys.length === 1, { after: beforeLeave });
    expect(Object.keys(c1.presenceState())).toEqual([a.owner.id]);

    // A dropped socket counts as leaving too.
    const three = await clients.connect(api, other.token);
    const c3 = three.channel(topic, { config: { presence: { key: other.id } } });
    await subscribed(c3);
    const beforeBack = syncs.mark();
    await c3.track({ status: 'back' });
    await syncs.next((keys) => keys.length === 2, { after: beforeBack });
    expect(c1.presenceState()[other.id]).toEqual([expect.objectContaining({ status: 'back' })]);
    const beforeDrop = syncs.mark();
    three.realtime.disconnect();
    await syncs.next((keys) => keys.length === 1, { after: beforeDrop });
    expect(Object.keys(c1.presenceState())).toEqual([a.owner.id]);
  });

  it('two API instances: a row change, a broadcast and presence through one reach subscribers of the other', async () => {
    const a = await tenantWithConversation('Two instances');
    const onTwo = await clients.connect(api2, a.owner.token);
    const inserted = new EventLog<Change>();
    const typed = new EventLog<any>();
    const topic = `conversation:${a.conversation.id}`;
    await subscribed(onTwo.channel(topic)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${a.conversation.id}` }, inserted.push)
      .on('broadcast', { event: '*' }, typed.push));

    const sent = await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: a.conversation.id, content: 'sent through instance one', is_internal_note: true } });
    expect(sent.status).toBe(201);
    expect((await inserted.next()).new).toMatchObject({ content: 'sent through instance one', is_internal_note: true });

    const onOne = await clients.connect(api, a.owner.token);
    const sender = onOne.channel(topic);
    await subscribed(sender);
    await sender.send({ type: 'broadcast', event: 'typing', payload: { from: 'instance one' } });
    expect((await typed.next((m) => m.event === 'typing')).payload).toEqual({ from: 'instance one' });
    // The REST endpoint of instance one, as supabase-js's httpSend() calls it.
    await expect(sender.httpSend('rest', { via: 'rest' })).resolves.toEqual({ success: true });
    expect((await typed.next((m) => m.event === 'rest')).payload).toEqual({ via: 'rest' });

    // Presence tracked on one instance shows on the other, and on an instance started later.
    const presenceTopic = `presence:${a.business.id}`;
    const p1 = onOne.channel(presenceTopic, { config: { presence: { key: 'on-one' } } });
    await subscribed(p1);
    await p1.track({ at: 'one' });
    const p2 = onTwo.channel(presenceTopic, { config: { presence: { key: 'on-two' } } });
    const seenOnTwo = new EventLog<string[]>();
    p2.on('presence', { event: 'sync' }, () => seenOnTwo.push(Object.keys(p2.presenceState()).sort()));
    await subscribed(p2);
    await seenOnTwo.next((keys) => keys.includes('on-one'));
    const api3 = await startTestApi();
    try {
      const onThree = await clients.connect(api3, a.owner.token);
      const p3 = onThree.channel(presenceTopic, { config: { presence: { key: 'on-three' } } });
      const seenOnThree = new EventLog<string[]>();
      p3.on('presence', { event: 'sync' }, () => seenOnThree.push(Object.keys(p3.presenceState()).sort()));
      await subscribed(p3);
      await seenOnThree.next((keys) => keys.includes('on-one'));
      const [markTwo, markThree] = [seenOnTwo.mark(), seenOnThree.mark()];
      await onOne.removeChannel(p1);
      await seenOnThree.next((keys) => !keys.includes('on-one'), { after: markThree });
      await seenOnTwo.next((keys) => !keys.includes('on-one'), { after: markTwo });
      await onThree.removeAllChannels();
    } finally {
      await api3.close();
    }
  });

  it('refuses a bad apikey, an expired token and a token signed with another secret', async () => {
    const a = await db.tenant('Refusals');
    const badKey = await clients.connect(api, a.owner.token, { apikey: 'not-the-anon-key', timeout: 1500 });
    // The upgrade is refused (401, checked on the wire in realtime-protocol.test.ts): the channel never subscribes.
    expect(['CHANNEL_ERROR', 'TIMED_OUT']).toContain((await outcome(badKey.channel(`business:${a.business.id}`))).status);
    badKey.realtime.disconnect();

    const expired = await clients.connect(api, await tokenFor(a.owner.token, api.settings.jwtSecret, -30));
    expect(await outcome(expired.channel(`business:${a.business.id}`))).toEqual({ status: 'CHANNEL_ERROR', message: expect.stringContaining('expired') });
    const foreign = await clients.connect(api, await foreignToken(a.owner.token));
    expect(await outcome(foreign.channel(`business:${a.business.id}`))).toEqual({ status: 'CHANNEL_ERROR', message: expect.stringContaining('not valid') });
    const unknownTopic = await clients.connect(api, a.owner.token);
    expect(await outcome(unknownTopic.channel('lobby'))).toEqual({ status: 'CHANNEL_ERROR', message: expect.stringContaining('Unknown topic') });
  });

  it('a refreshed token that is invalid closes the channel; so does a token that expires', async () => {
    const a = await db.tenant('Refresh');
    let token = a.owner.token;
    const supabase = await clients.connect(api, () => token);
    const system = new EventLog<any>();
    const status = await subscribed(supabase.channel(`business:${a.business.id}`).on('system', {}, system.push));
    token = await foreignToken(a.owner.token);
    await supabase.realtime.setAuth();
    await status.next((s) => s.status === 'CLOSED');
    expect(await system.next((m) => m.status === 'error')).toMatchObject({ message: expect.stringContaining('InvalidJWTToken') });

    const shortLived = await clients.connect(api, await tokenFor(a.owner.token, api.settings.jwtSecret, 3));
    const expiring = new EventLog<any>();
    const shortStatus = await subscribed(shortLived.channel(`business:${a.business.id}`).on('system', {}, expiring.push));
    await shortStatus.next((s) => s.status === 'CLOSED');
    expect(await expiring.next((m) => m.status === 'error')).toMatchObject({ message: 'Token has expired' });
  });

  it('a widget visitor sees only its own conversation, never internal notes or internal columns', async () => {
    const a = await tenantWithConversation('Widget');
    const connect = await call(api, 'POST', '/integrations/widget/connect', { token: a.owner.token, body: { business_id: a.business.id } });
    const session = await call(api, 'POST', '/widget/v1/sessions', { body: { website_token: connect.body.platform_account_id } });
    const sent = await call(api, 'POST', '/widget/v1/messages', { token: session.body.visitor_token, body: { content: 'visitor hello', client_message_id: randomUUID() } });
    expect(sent.status).toBe(200);
    const conversationId = sent.body.conversation_id;
    const visitor = await clients.connect(api, sent.body.visitor_token);
    expect((await outcome(visitor.channel(`conversation:${a.conversation.id}`))).status).toBe('CHANNEL_ERROR');
    expect((await outcome(visitor.channel(`business:${a.business.id}`))).status).toBe('CHANNEL_ERROR');

    const seen = new EventLog<Change>();
    await subscribed(visitor.channel(`conversation:${conversationId}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${conversationId}` }, seen.push)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages' }, seen.push));
    await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: conversationId, content: 'note: do not show', is_internal_note: true } });
    await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: a.conversation.id, content: 'another conversation' } });
    await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: conversationId, content: 'Hi visitor!' } });
    await seen.next((e) => (e.new as any).content === 'Hi visitor!');
    expect(seen.items.map((e) => (e.new as any).content)).toEqual(['Hi visitor!', 'Hi visitor!']);
    expect(seen.items[0]!.new).not.toHaveProperty('metadata');
    expect(seen.items[0]!.new).not.toHaveProperty('sender_id');
  });

  it('subscribes with a subscriber opening the socket with its own token as apikey', async () => {
    const a = await tenantWithConversation('Apikey token');
    const supabase = await clients.connect(api, a.owner.token, { apikey: a.owner.token });
    const events = new EventLog<Change>();
    await subscribed(supabase.channel(`business:${a.business.id}`).on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=in.(${a.conversation.id},${randomUUID()})` }, events.push));
    await db.customerMessage(a.business.id, a.conversation.id, 'via in filter');
    expect((await events.next()).new).toMatchObject({ content: 'via in filter' });
  });
});
