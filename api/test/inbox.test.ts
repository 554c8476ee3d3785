import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';

describe('conversations, messages and customers API', () => {
  let api: TestApi;
  const db = new TenantFixtures();
  let a: Awaited<ReturnType<TenantFixtures['tenant']>>;
  let b: Awaited<ReturnType<TenantFixtures['tenant']>>;
  let customerA: { id: string };
  let convA1: { id: string };
  let convA2: { id: string };
  let convB: { id: string };

  beforeAll(async () => {
    api = await startTestApi();
    a = await db.tenant('Alpha Shop');
    b = await db.tenant('Beta Shop');
    customerA = await db.customer(a.business.id, 'Ada Lovelace');
    convA1 = await db.conversation(a.business.id, customerA.id, { subject: 'Where is my parcel?' });
    await db.customerMessage(a.business.id, convA1.id, 'Hello, my order 1234 has not arrived');
    convA2 = await db.conversation(a.business.id, (await db.customer(a.business.id, 'Grace Hopper')).id, { platform: 'whatsapp' });
    await db.customerMessage(a.business.id, convA2.id, 'Do you ship to Lisbon?');
    convB = await db.conversation(b.business.id, (await db.customer(b.business.id)).id);
    await db.customerMessage(b.business.id, convB.id, 'Secret of business B');
  });

  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('lists the business conversations newest first with customer and last message', async () => {
    const res = await call(api, 'GET', `/conversations?business_id=${a.business.id}`, { token: a.owner.token });
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: any) => c.id)).toEqual([convA2.id, convA1.id]);
    expect(res.body.data[1].customer.name).toBe('Ada Lovelace');
    expect(res.body.data[1].last_message_preview).toBe('Hello, my order 1234 has not arrived');
    expect(res.body.data[1].unread_count).toBe(1);
  });

  it('counts open conversations per inbox tab and the unread ones', async () => {
    const res = await call(api, 'GET', `/conversations/counts?business_id=${a.business.id}`, { token: a.owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ open: { all: 2, mine: 0, unassigned: 2 }, unread_conversations: 2, unread_messages: 2 });
    expect((await call(api, 'GET', '/conversations/counts?business_id=nope', { token: a.owner.token })).status).toBe(400);
  });

  it('filters by platform, text and assignee, and pages with a cursor', async () => {
    const wa = await call(api, 'GET', `/conversations?business_id=${a.business.id}&platform=whatsapp`, { token: a.owner.token });
    expect(wa.body.data.map((c: any) => c.id)).toEqual([convA2.id]);
    const text = await call(api, 'GET', `/conversations?business_id=${a.business.id}&q=order%201234`, { token: a.owner.token });
    expect(text.body.data.map((c: any) => c.id)).toEqual([convA1.id]);
    const unassigned = await call(api, 'GET', `/conversations?business_id=${a.business.id}&assignee=unassigned`, { token: a.owner.token });
    expect(unassigned.body.data).toHaveLength(2);
    const page1 = await call(api, 'GET', `/conversations?business_id=${a.business.id}&limit=1`, { token: a.owner.token });
    expect(page1.body.data).toHaveLength(1);
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await call(api, 'GET', `/conversations?business_id=${a.business.id}&limit=1&cursor=${page1.body.next_cursor}`, { token: a.owner.token });
    expect(page2.body.data.map((c: any) => c.id)).toEqual([convA1.id]);
    expect(page2.body.next_cursor).toBeNull();
  });

  it('rejects bad input with 400 and field messages', async () => {
    const res = await call(api, 'GET', `/conversations?business_id=not-a-uuid&status=bogus`, { token: a.owner.token });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(expect.arrayContaining([expect.stringContaining('business_id'), expect.stringContaining('status')]));
    const badCursor = await call(api, 'GET', `/conversations?business_id=${a.business.id}&cursor=zzz`, { token: a.owner.token });
    expect(badCursor.status).toBe(400);
    const empty = await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: convA1.id, content: '' } });
    expect(empty.status).toBe(400);
  });

  it('assigns, tags, changes status and marks read', async () => {
    const assign = await call(api, 'POST', `/conversations/${convA1.id}/assign`, { token: a.owner.token, body: { assigned_to: a.ownerMember.id } });
    expect(assign.status).toBe(200);
    expect(assign.body.assigned_to).toBe(a.ownerMember.id);
    const mine = await call(api, 'GET', `/conversations?business_id=${a.business.id}&assignee=mine`, { token: a.owner.token });
    expect(mine.body.data.map((c: any) => c.id)).toEqual([convA1.id]);
    const foreignAssignee = await call(api, 'POST', `/conversations/${convA1.id}/assign`, { token: a.owner.token, body: { assigned_to: b.ownerMember.id } });
    expect(foreignAssignee.status).toBe(400);
    const tags = await call(api, 'POST', `/conversations/${convA1.id}/tags`, { token: a.owner.token, body: { tags: ['Shipping', 'vip'] } });
    expect(tags.body.tags).toEqual(['shipping', 'vip']);
    const byTag = await call(api, 'GET', `/conversations?business_id=${a.business.id}&tag=vip`, { token: a.owner.token });
    expect(byTag.body.data.map((c: any) => c.id)).toEqual([convA1.id]);
    const read = await call(api, 'POST', `/conversations/${convA1.id}/read`, { token: a.owner.token });
    expect(read.body.unread_count).toBe(0);
    const pending = await call(api, 'PATCH', `/conversations/${convA2.id}/status`, { token: a.owner.token, body: { status: 'pending', snoozed_until: new Date(Date.now() + 3600_000).toISOString() } });
    expect(pending.status).toBe(200);
    const snoozed = await call(api, 'GET', `/conversations?business_id=${a.business.id}&status=snoozed`, { token: a.owner.token });
    expect(snoozed.body.data.map((c: any) => c.id)).toEqual([convA2.id]);
    const resolved = await call(api, 'PATCH', `/conversations/${convA2.id}/status`, { token: a.owner.token, body: { status: 'resolved' } });
    expect(resolved.body.resolved_at).toEqual(expect.any(String));
    const counts = await call(api, 'GET', `/conversations/counts?business_id=${a.business.id}`, { token: a.owner.token });
    expect(counts.body).toEqual({ open: { all: 1, mine: 1, unassigned: 0 }, unread_conversations: 0, unread_messages: 0 });
  });

  it('stores an agent reply as sending and an internal note with mentions as a notification', async () => {
    const reply = await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: convA1.id, content: 'On its way!' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ sender_type: 'agent', status: 'sending', is_internal_note: false, platform: 'widget' });
    const agent = await db.user('Agent Smith');
    const agentMember = await db.member(a.business.id, agent.id, 'agent');
    const note = await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: convA1.id, content: 'Can you check the courier?', is_internal_note: true, mentions: [agentMember.id] } });
    expect(note.status).toBe(201);
    expect(note.body.status).toBe('sent');
    const notifications = await db.query(`select type, title from notifications where user_id = $1`, [agent.id]);
    expect(notifications.rows).toEqual([{ type: 'mention', title: 'Alpha Shop Owner mentioned you' }]);
    const inboxOfAgent = await call(api, 'GET', '/notifications', { token: agent.token });
    expect(inboxOfAgent.body).toMatchObject({ unread: 1, data: [{ type: 'mention' }] });
    const notificationId = inboxOfAgent.body.data[0].id;
    expect((await call(api, 'PATCH', `/notifications/${notificationId}/read`, { token: a.owner.token })).status).toBe(404);
    expect((await call(api, 'PATCH', '/notifications/read-all', { token: agent.token })).body.updated).toBe(1);
    expect((await call(api, 'GET', '/notifications', { token: agent.token })).body.unread).toBe(0);
    const foreignMention = await call(api, 'POST', '/messages', { token: a.owner.token, body: { conversation_id: convA1.id, content: 'x', is_internal_note: true, mentions: [b.ownerMember.id] } });
    expect(foreignMention.status).toBe(400);
    const messages = await call(api, 'GET', `/conversations/${convA1.id}/messages`, { token: a.owner.token });
    expect(messages.body.data.map((m: any) => m.content)).toEqual(['Hello, my order 1234 has not arrived', 'On its way!', 'Can you check the courier?']);
    const counters = await db.query(`select total_messages, last_agent_message_at is not null as replied from conversations where id = $1`, [convA1.id]);
    expect(counters.rows[0]).toEqual({ total_messages: 3, replied: true });
  });

  it('limited agents see only conversations assigned to them', async () => {
    const limited = await db.user('Limited Lou');
    const limitedMember = await db.member(a.business.id, limited.id, 'limited_agent');
    const none = await call(api, 'GET', `/conversations?business_id=${a.business.id}`, { token: limited.token });
    expect(none.body.data).toEqual([]);
    expect((await call(api, 'GET', `/conversations/${convA1.id}`, { token: limited.token })).status).toBe(404);
    await call(api, 'POST', `/conversations/${convA1.id}/assign`, { token: a.owner.token, body: { assigned_to: limitedMember.id } });
    const one = await call(api, 'GET', `/conversations?business_id=${a.business.id}`, { token: limited.token });
    expect(one.body.data.map((c: any) => c.id)).toEqual([convA1.id]);
    const counts = await call(api, 'GET', `/conversations/counts?business_id=${a.business.id}`, { token: limited.token });
    expect(counts.body.open).toEqual({ all: 1, mine: 1, unassigned: 0 });
  });

  it('customers: profile with all conversations across channels, notes and tags', async () => {
    const list = await call(api, 'GET', `/customers?business_id=${a.business.id}&q=ada`, { token: a.owner.token });
    expect(list.body.data.map((c: any) => c.id)).toEqual([customerA.id]);
    const convs = await call(api, 'GET', `/customers/${customerA.id}/conversations`, { token: a.owner.token });
    expect(convs.body.data.map((c: any) => c.id)).toEqual([convA1.id]);
    const note = await call(api, 'POST', `/customers/${customerA.id}/notes`, { token: a.owner.token, body: { text: 'Prefers email' } });
    expect(note.status).toBe(201);
    const tags = await call(api, 'POST', `/customers/${customerA.id}/tags`, { token: a.owner.token, body: { tags: ['VIP'] } });
    expect(tags.body.tags).toEqual(['vip']);
    const got = await call(api, 'GET', `/customers/${customerA.id}`, { token: a.owner.token });
    expect(got.body.metadata.notes[0]).toMatchObject({ text: 'Prefers email', author_name: 'Alpha Shop Owner' });
  });

  it('customers: tags are removed one by one, the directory lists the tags in use, contact fields clear with null', async () => {
    const t = a.owner.token;
    const linus = await db.customer(a.business.id, 'Linus Directory');
    await call(api, 'POST', `/customers/${linus.id}/tags`, { token: t, body: { tags: ['Wholesale', 'lisbon'] } });
    const tags = await call(api, 'GET', `/customers/tags?business_id=${a.business.id}`, { token: t });
    expect(tags.status).toBe(200);
    expect(tags.body).toEqual(expect.arrayContaining(['lisbon', 'wholesale']));
    expect(tags.body).toEqual([...tags.body].sort());
    expect((await call(api, 'GET', `/customers/tags?business_id=${a.business.id}`, { token: b.owner.token })).status).toBe(404);
    expect((await call(api, 'GET', `/customers/tags?business_id=not-a-uuid`, { token: t })).status).toBe(400);

    const removed = await call(api, 'DELETE', `/customers/${linus.id}/tags/Wholesale`, { token: t });
    expect(removed.status).toBe(200);
    expect(removed.body.tags).toEqual(['lisbon']);
    expect((await call(api, 'GET', `/customers?business_id=${a.business.id}&tag=wholesale`, { token: t })).body.data).toEqual([]);
    expect((await call(api, 'DELETE', `/customers/${linus.id}/tags/lisbon`, { token: b.owner.token })).status).toBe(404);
    const limited = await db.user('Read-only Agent');
    await db.member(a.business.id, limited.id, 'limited_agent');
    expect((await call(api, 'DELETE', `/customers/${linus.id}/tags/lisbon`, { token: limited.token })).status).toBe(403);
    expect((await call(api, 'GET', `/customers/${linus.id}`, { token: t })).body.tags).toEqual(['lisbon']);

    const bad = await call(api, 'PATCH', `/customers/${linus.id}`, { token: t, body: { email: 'not an email' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('email must be an email');
    const cleared = await call(api, 'PATCH', `/customers/${linus.id}`, { token: t, body: { email: null, phone: null } });
    expect(cleared.body).toMatchObject({ name: 'Linus Directory', email: null, phone: null });
  });

  it('customers: the directory cursor never skips customers created within the same millisecond', async () => {
    const at = ['2026-01-01T00:00:00.123300Z', '2026-01-01T00:00:00.123200Z', '2026-01-01T00:00:00.123100Z'];
    const ids: string[] = [];
    for (const [i, created] of at.entries()) {
      ids.push((await db.query<{ id: string }>(`insert into customers (business_id, name, created_at) values ($1, $2, $3) returning id`, [a.business.id, `Keyset ${i}`, created])).rows[0]!.id);
    }
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = await call(api, 'GET', `/customers?business_id=${a.business.id}&q=keyset&limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: a.owner.token });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((c: any) => c.id));
      if (!res.body.next_cursor) break;
      cursor = res.body.next_cursor;
    }
    expect(seen).toEqual(ids);
  });

  it('conversations and messages: the cursors never skip rows within the same millisecond', async () => {
    const at = ['2026-01-02T00:00:00.456300Z', '2026-01-02T00:00:00.456200Z', '2026-01-02T00:00:00.456100Z'];
    const owner = (await db.query<{ id: string }>(`insert into customers (business_id, name) values ($1, 'Same Milli') returning id`, [b.business.id])).rows[0]!.id;
    const conversations: string[] = [];
    for (const created of at) {
      conversations.push((await db.query<{ id: string }>(
        `insert into conversations (business_id, customer_id, platform, created_at, subject) values ($1, $2, 'sms', $3, 'same-milli') returning id`, [b.business.id, owner, created])).rows[0]!.id);
    }
    const messages: string[] = [];
    for (const created of [...at].reverse()) {
      messages.push((await db.query<{ id: string }>(
        `insert into messages (business_id, conversation_id, sender_type, content, platform, created_at) values ($1, $2, 'customer', 'm', 'sms', $3) returning id`,
        [b.business.id, conversations[0], created])).rows[0]!.id);
    }
    const walk = async (path: string) => {
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 6; page++) {
        const res = await call(api, 'GET', `${path}${path.endsWith('?') ? '' : '&'}limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: b.owner.token });
        expect(res.status).toBe(200);
        seen.push(...res.body.data.map((row: any) => row.id));
        if (!res.body.next_cursor) break;
        cursor = res.body.next_cursor;
      }
      return seen;
    };
    // Messages set the conversation's last_message_at; keep the list ordered by creation here.
    await db.query(`update conversations set last_message_at = null where id = any($1)`, [conversations]);
    expect(await walk(`/conversations?business_id=${b.business.id}&q=same-milli`)).toEqual(conversations);
    expect((await walk(`/conversations/${conversations[0]}/messages?`)).sort()).toEqual([...messages].sort());
  });

  it('never shows or changes another business data: 404 everywhere', async () => {
    const t = b.owner.token;
    const before = await db.query(`select status, tags, assigned_to, subject from conversations where id = $1`, [convA1.id]);
    const attempts = await Promise.all([
      call(api, 'GET', `/conversations?business_id=${a.business.id}`, { token: t }),
      call(api, 'GET', `/conversations/counts?business_id=${a.business.id}`, { token: t }),
      call(api, 'GET', `/conversations/${convA1.id}`, { token: t }),
      call(api, 'PATCH', `/conversations/${convA1.id}`, { token: t, body: { subject: 'hacked' } }),
      call(api, 'POST', `/conversations/${convA1.id}/assign`, { token: t, body: { assigned_to: null } }),
      call(api, 'PATCH', `/conversations/${convA1.id}/status`, { token: t, body: { status: 'closed' } }),
      call(api, 'POST', `/conversations/${convA1.id}/tags`, { token: t, body: { tags: ['x'] } }),
      call(api, 'GET', `/conversations/${convA1.id}/messages`, { token: t }),
      call(api, 'POST', `/conversations/${convA1.id}/read`, { token: t }),
      call(api, 'DELETE', `/conversations/${convA1.id}`, { token: t }),
      call(api, 'POST', '/messages', { token: t, body: { conversation_id: convA1.id, content: 'hi' } }),
      call(api, 'GET', `/customers?business_id=${a.business.id}`, { token: t }),
      call(api, 'GET', `/customers/${customerA.id}`, { token: t }),
      call(api, 'PATCH', `/customers/${customerA.id}`, { token: t, body: { name: 'hacked' } }),
      call(api, 'GET', `/customers/${customerA.id}/conversations`, { token: t }),
      call(api, 'POST', `/customers/${customerA.id}/notes`, { token: t, body: { text: 'x' } }),
      call(api, 'POST', `/customers/${customerA.id}/tags`, { token: t, body: { tags: ['x'] } }),
      call(api, 'DELETE', `/customers/${customerA.id}`, { token: t }),
      call(api, 'POST', '/customers', { token: t, body: { business_id: a.business.id, name: 'x' } }),
      call(api, 'GET', `/integrations?business_id=${a.business.id}`, { token: t }),
      call(api, 'POST', '/integrations/widget/connect', { token: t, body: { business_id: a.business.id } }),
    ]);
    expect(attempts.map((r) => r.status)).toEqual(attempts.map(() => 404));
    const messageOfA = (await db.query<{ id: string }>(`select id from messages where conversation_id = $1 limit 1`, [convA1.id])).rows[0]!.id;
    for (const [method, path] of [['GET', `/messages/${messageOfA}`], ['PATCH', `/messages/${messageOfA}`], ['DELETE', `/messages/${messageOfA}`], ['POST', `/messages/${messageOfA}/read`]] as const) {
      const r = await call(api, method, path, { token: t, body: method === 'PATCH' ? { content: 'x' } : undefined });
      expect(`${method} ${path} ${r.status}`).toBe(`${method} ${path} 404`);
    }
    const after = await db.query(`select status, tags, assigned_to, subject from conversations where id = $1`, [convA1.id]);
    expect(after.rows).toEqual(before.rows);
    expect((await db.query(`select name from customers where id = $1`, [customerA.id])).rows[0].name).toBe('Ada Lovelace');
  });

  it('canned responses: members read them, managers and up maintain them, per business', async () => {
    const path = `/businesses/${a.business.id}/canned-responses`;
    const created = await call(api, 'POST', path, { token: a.owner.token, body: { shortcut: 'shipping', content: 'We ship within 2 business days.' } });
    expect(created.status).toBe(201);
    expect((await call(api, 'POST', path, { token: a.owner.token, body: { shortcut: 'shipping', content: 'dup' } })).status).toBe(409);
    expect((await call(api, 'POST', path, { token: a.owner.token, body: { shortcut: 'Bad Shortcut', content: 'x' } })).status).toBe(400);
    const agent = await db.user('Canned Agent');
    await db.member(a.business.id, agent.id, 'agent');
    expect((await call(api, 'GET', path, { token: agent.token })).body.map((r: any) => r.shortcut)).toEqual(['shipping']);
    expect((await call(api, 'POST', path, { token: agent.token, body: { shortcut: 'x', content: 'x' } })).status).toBe(403);
    expect((await call(api, 'GET', path, { token: b.owner.token })).status).toBe(404);
    expect((await call(api, 'DELETE', `/businesses/${b.business.id}/canned-responses/${created.body.id}`, { token: b.owner.token })).status).toBe(404);
    expect((await call(api, 'PATCH', `${path}/${created.body.id}`, { token: a.owner.token, body: { content: 'We ship within 1 business day.' } })).body.content).toBe('We ship within 1 business day.');
  });

  it('requires a token', async () => {
    expect((await call(api, 'GET', `/conversations?business_id=${a.business.id}`)).status).toBe(401);
  });
});
