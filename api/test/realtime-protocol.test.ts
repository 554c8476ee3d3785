import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';
import { RawSocket, binaryBroadcastPush, type Vsn } from './fixtures/realtime-fixtures.js';

/**
 * The wire itself, with a bare WebSocket: what realtime-js sends and expects, frame by frame
 * (the supabase-js behaviour on top of it is covered in realtime.test.ts).
 */
describe('Realtime wire protocol', () => {
  const db = new TenantFixtures();
  const sockets: RawSocket[] = [];
  let api: TestApi;
  let tenant: Awaited<ReturnType<TenantFixtures['tenant']>>;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await db.tenant('Wire');
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await api.close();
    await db.close();
  });

  async function open(vsn: Vsn, apikey?: string): Promise<RawSocket> {
    const socket = await RawSocket.open(api, vsn, apikey);
    sockets.push(socket);
    return socket;
  }

  it('refuses the upgrade without the anon key or a valid token as apikey', async () => {
    expect(await RawSocket.refusal(RawSocket.url(api, { apikey: 'wrong', vsn: '2.0.0' }))).toBe(401);
    expect(await RawSocket.refusal(RawSocket.url(api, { vsn: '2.0.0' }))).toBe(401);
    expect(await RawSocket.refusal(RawSocket.url(api, { apikey: 'eyJhbGciOiJIUzI1NiJ9.e30.x', vsn: '1.0.0' }))).toBe(401);
  });

  it.each(['1.0.0', '2.0.0'] as Vsn[])('vsn %s: heartbeat, join echoing bindings in order, presence_state, leave and close', async (vsn) => {
    const socket = await open(vsn);
    const heartbeat = await socket.request('phoenix', 'heartbeat', {}, null);
    expect(heartbeat).toEqual({ join_ref: null, ref: heartbeat.ref, topic: 'phoenix', event: 'phx_reply', payload: { status: 'ok', response: {} } });

    const topic = `realtime:business:${tenant.business.id}`;
    const requested = [
      { event: 'UPDATE', schema: 'public', table: 'conversations', filter: `business_id=eq.${tenant.business.id}` },
      { event: '*', schema: 'public', table: 'messages' },
      { event: 'INSERT', schema: 'public', table: 'notifications', filter: 'type=in.(mention,system)' },
    ];
    const { joinRef, reply } = await socket.join(topic, {
      config: { broadcast: { ack: false, self: false }, presence: { key: 'me', enabled: true }, postgres_changes: requested, private: false },
      access_token: tenant.owner.token,
    });
    expect(reply).toMatchObject({ join_ref: joinRef, ref: joinRef, topic, payload: { status: 'ok' } });
    const echoed = reply.payload.response.postgres_changes as Array<Record<string, unknown>>;
    expect(echoed.map(({ id: _id, ...rest }) => rest)).toEqual(requested);
    expect(echoed.every((b) => Number.isInteger(b.id))).toBe(true);
    expect(new Set(echoed.map((b) => b.id)).size).toBe(3);
    // presence_state right after the join, even when nobody is there, with the current join_ref.
    expect(await socket.frames.next((f) => f.event === 'presence_state')).toMatchObject({ join_ref: joinRef, topic, payload: {} });

    const leaveRef = socket.nextRef();
    socket.send({ join_ref: joinRef, ref: leaveRef, topic, event: 'phx_leave', payload: {} });
    expect(await socket.frames.next((f) => f.event === 'phx_reply' && f.ref === leaveRef)).toMatchObject({ payload: { status: 'ok' } });
    expect(await socket.frames.next((f) => f.event === 'phx_close')).toMatchObject({ join_ref: joinRef, ref: joinRef, topic, payload: {} });
  });

  it('a join without a signed-in user, of a topic of another business, or with a bad binding is refused with a reason', async () => {
    const socket = await open('2.0.0');
    const other = await db.tenant('Wire other');
    const topic = `realtime:business:${tenant.business.id}`;
    const anonymous = await socket.join(topic, { config: {} });
    expect(anonymous.reply.payload).toEqual({ status: 'error', response: { reason: expect.stringContaining('Unauthorized') } });
    const foreign = await socket.join(`realtime:business:${other.business.id}`, { config: {}, access_token: tenant.owner.token });
    expect(foreign.reply.payload).toEqual({ status: 'error', response: { reason: expect.stringContaining('not a member') } });
    const badFilter = await socket.join(topic, { config: { postgres_changes: [{ event: '*', schema: 'public', table: 'messages', filter: 'content=match.^a' }] }, access_token: tenant.owner.token });
    expect(badFilter.reply.payload.response.reason).toContain('Invalid filter');
    const badTable = await socket.join(topic, { config: { postgres_changes: [{ event: '*', schema: 'public', table: 'customers' }] }, access_token: tenant.owner.token });
    expect(badTable.reply.payload.response.reason).toContain('messages, conversations, notifications, team_members');
  });

  it('a user token as apikey identifies the socket without an access_token in the join', async () => {
    const socket = await open('2.0.0', tenant.owner.token);
    const { reply } = await socket.join(`realtime:user:${tenant.owner.id}`, { config: {} });
    expect(reply.payload).toEqual({ status: 'ok', response: {} });
  });

  it('vsn 2.0.0 broadcast pushes arrive binary (kind 3) and fan out as text; ack replies', async () => {
    const topic = `realtime:business:${tenant.business.id}`;
    const sender = await open('2.0.0');
    const receiver = await open('2.0.0');
    const legacy = await open('1.0.0');
    const joined = await sender.join(topic, { config: { broadcast: { ack: true, self: true } }, access_token: tenant.owner.token });
    await receiver.join(topic, { config: {}, access_token: tenant.owner.token });
    await legacy.join(topic, { config: {}, access_token: tenant.owner.token });

    const ref = sender.nextRef();
    sender.ws.send(binaryBroadcastPush(joined.joinRef, ref, topic, 'cursor', { x: 1, label: 'naïve ✓' }));
    expect(await sender.frames.next((f) => f.event === 'phx_reply' && f.ref === ref)).toMatchObject({ payload: { status: 'ok' } });
    const expected = { join_ref: null, ref: null, topic, event: 'broadcast', payload: { type: 'broadcast', event: 'cursor', payload: { x: 1, label: 'naïve ✓' } } };
    expect(await receiver.frames.next((f) => f.event === 'broadcast')).toEqual(expected);
    expect(await legacy.frames.next((f) => f.event === 'broadcast')).toEqual(expected);
    expect(await sender.frames.next((f) => f.event === 'broadcast')).toEqual(expected);

    // A binary payload (encoding 0) reaches vsn 2 sockets as a kind-4 frame.
    const bytes = Buffer.from([1, 2, 3, 250]);
    const header = [joined.joinRef, '', topic, 'blob', ''].map((s) => Buffer.from(s));
    sender.ws.send(Buffer.concat([Buffer.from([3, ...header.map((h) => h.length), 0]), ...header, bytes]));
    const binary = await receiver.binaryFrames.next();
    const t = Buffer.from(topic);
    expect([...binary.subarray(0, 5)]).toEqual([4, t.length, 4, 0, 0]);
    expect(binary.subarray(5, 5 + t.length).toString()).toBe(topic);
    expect(binary.subarray(5 + t.length, 9 + t.length).toString()).toBe('blob');
    expect([...binary.subarray(9 + t.length)]).toEqual([...bytes]);
  });

  it('presence: track and untrack send diffs to presence-enabled subscribers only', async () => {
    const topic = `realtime:presence:${tenant.business.id}`;
    const tracker = await open('2.0.0');
    const watcher = await open('1.0.0');
    const blind = await open('2.0.0');
    const tracked = await tracker.join(topic, { config: { presence: { key: 'tracker', enabled: false }, broadcast: { self: false } }, access_token: tenant.owner.token });
    const watched = await watcher.join(topic, { config: { presence: { key: 'watcher', enabled: true } }, access_token: tenant.owner.token });
    await blind.join(topic, { config: { presence: { key: '', enabled: false } }, access_token: tenant.owner.token });
    await watcher.frames.next((f) => f.event === 'presence_state');

    expect((await tracker.request(topic, 'presence', { type: 'presence', event: 'track', payload: { status: 'online' } }, tracked.joinRef)).payload.status).toBe('ok');
    const join = await watcher.frames.next((f) => f.event === 'presence_diff');
    expect(join).toMatchObject({ join_ref: watched.joinRef, payload: { joins: { tracker: { metas: [{ status: 'online', phx_ref: expect.any(String) }] } }, leaves: {} } });
    await tracker.request(topic, 'presence', { type: 'presence', event: 'untrack' }, tracked.joinRef);
    const leave = await watcher.frames.next((f) => f.event === 'presence_diff' && Object.keys(f.payload.leaves).length > 0);
    expect(leave.payload).toEqual({ joins: {}, leaves: { tracker: { metas: [join.payload.joins.tracker.metas[0]] } } });

    // A broadcast after the diffs reaches the blind socket after them, had they been sent.
    tracker.send({ join_ref: tracked.joinRef, ref: tracker.nextRef(), topic, event: 'broadcast', payload: { type: 'broadcast', event: 'marker', payload: {} } });
    await blind.frames.next((f) => f.event === 'broadcast');
    expect(blind.frames.items.filter((f) => f.event.startsWith('presence'))).toEqual([]);
  });

  it('REST broadcast: 202 for a member, 401 without a user token, 403 for another business, 400 for a bad body', async () => {
    const topic = `business:${tenant.business.id}`;
    const receiver = await open('2.0.0');
    await receiver.join(`realtime:${topic}`, { config: {}, access_token: tenant.owner.token });
    const auth = { authorization: `Bearer ${tenant.owner.token}`, apikey: api.settings.supabaseAnonKey };
    const ok = await call(api, 'POST', '/realtime/v1/api/broadcast', { headers: auth, body: { messages: [{ topic, event: 'note', payload: { via: 'rest' }, private: true }] } });
    expect(ok.status).toBe(202);
    expect(await receiver.frames.next((f) => f.event === 'broadcast')).toMatchObject({ topic: `realtime:${topic}`, payload: { event: 'note', payload: { via: 'rest' } } });

    const anon = await call(api, 'POST', '/realtime/v1/api/broadcast', { headers: { apikey: api.settings.supabaseAnonKey }, body: { messages: [{ topic, event: 'x', payload: {} }] } });
    expect(anon.status).toBe(401);
    const other = await db.tenant('Wire REST other');
    const foreign = await call(api, 'POST', '/realtime/v1/api/broadcast', { headers: auth, body: { messages: [{ topic: `business:${other.business.id}`, event: 'x', payload: {} }] } });
    expect(foreign.status).toBe(403);
    const bad = await call(api, 'POST', '/realtime/v1/api/broadcast', { headers: auth, body: { messages: [{ topic: '', payload: {} }] } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('event');
  });
});
