import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { loadSettings, ormConfig, recordInboundMessage, type InboundMessage } from '../src/index.js';

/**
 * recordInboundMessage: idempotent by external id (also when the duplicates race), one profile
 * per sender, their latest continuable conversation (reopened) or a new one, and what it
 * returns is what the database holds.
 */
describe('recording inbound messages', () => {
  const url = loadSettings().databaseUrl;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const q = <T = Record<string, any>>(sql: string, params: unknown[] = []) => pool.query(sql, params).then((r) => r.rows as T[]);
  let orm: MikroORM;
  let business: string;
  let otherBusiness: string;

  const newBusiness = async (name: string) =>
    (await q<{ id: string }>(`insert into businesses (name, slug) values ($1, $2) returning id`, [name, `inbound-${randomUUID()}`]))[0]!.id;
  const record = (input: Partial<InboundMessage> & { senderExternalId: string }) =>
    recordInboundMessage(orm.em.fork(), {
      businessId: business, platform: 'widget', externalMessageId: randomUUID(), content: 'hello', ...input,
    });

  beforeAll(async () => {
    orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 12 } }));
    business = await newBusiness('Inbound');
    otherBusiness = await newBusiness('Inbound elsewhere');
  });
  afterAll(async () => {
    await q(`delete from businesses where id = any($1)`, [[business, otherBusiness]]);
    await orm?.close(true);
    await pool.end();
  });

  it('stores racing duplicates of one external id once, and tells the repeats apart', async () => {
    const sender = `visitor:${randomUUID()}`;
    const externalMessageId = randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => record({ senderExternalId: sender, externalMessageId })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.conversation.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.customer.id)).size).toBe(1);
    const rows = await q(`select id from messages where business_id = $1 and platform_message_id = $2`, [business, externalMessageId]);
    expect(rows).toEqual([{ id: results[0]!.message.id }]);
    const customers = await q(`select total_conversations from customers where business_id = $1 and platform_identifiers ->> 'widget' = $2`, [business, sender]);
    expect(customers).toEqual([{ total_conversations: 1 }]);
    // A repeat much later is still recognised.
    const again = await record({ senderExternalId: sender, externalMessageId, content: 'changed' });
    expect(again).toMatchObject({ created: false, message: { id: results[0]!.message.id, content: 'hello' } });

    // The same race from a sender who already has an open conversation.
    const nextId = randomUUID();
    const next = await Promise.all(Array.from({ length: 8 }, () => record({ senderExternalId: sender, externalMessageId: nextId })));
    expect(next.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(next.map((r) => r.message.id)).size).toBe(1);
    expect(next.every((r) => r.conversation.id === results[0]!.conversation.id)).toBe(true);
    expect((await q(`select count(*)::int as n from messages where business_id = $1 and platform_message_id = $2`, [business, nextId]))[0]!.n).toBe(1);
    expect((await q(`select total_messages from conversations where id = $1`, [results[0]!.conversation.id]))[0]).toEqual({ total_messages: 2 });
  });

  it('returns the rows as stored, counters included, for messages of one sender arriving together', async () => {
    const sender = `visitor:${randomUUID()}`;
    const first = await record({ senderExternalId: sender, content: 'first' });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => record({ senderExternalId: sender, content: `next ${i}` })));
    expect(results.every((r) => r.created && r.conversation.id === first.conversation.id && r.customer.id === first.customer.id)).toBe(true);
    // Each call saw the conversation right after its own message: serialised by the sender's lock.
    expect(results.map((r) => r.conversation.total_messages).sort()).toEqual([2, 3, 4, 5, 6, 7]);
    expect(results.map((r) => r.conversation.unread_count).sort()).toEqual([2, 3, 4, 5, 6, 7]);

    const last = results.reduce((a, b) => (a.conversation.total_messages > b.conversation.total_messages ? a : b));
    const [conversation] = await q(`select * from conversations where id = $1`, [first.conversation.id]);
    expect(last.conversation).toMatchObject({
      id: conversation.id, status: 'open', total_messages: 7, unread_count: 7, customer_id: first.customer.id,
      last_message_at: conversation.last_message_at, last_customer_message_at: conversation.last_customer_message_at, updated_at: conversation.updated_at,
    });
    const [message] = await q(`select * from messages where id = $1`, [last.message.id]);
    expect(last.message).toMatchObject({
      id: message.id, conversation_id: first.conversation.id, business_id: business, sender_type: 'customer', sender_id: first.customer.id,
      content: message.content, content_type: 'text', attachments: [], metadata: {}, status: 'delivered', is_internal_note: false,
      platform: 'widget', platform_message_id: message.platform_message_id, created_at: message.created_at, delivered_at: message.delivered_at,
    });
    expect(conversation.last_message_at).toEqual(message.created_at);
    const [customer] = await q(`select * from customers where id = $1`, [first.customer.id]);
    expect(last.customer).toMatchObject({ id: customer.id, total_conversations: 1, platform_identifiers: { widget: sender } });
    // created_at is each transaction's start, so the last one through the lock need not be the newest.
    const [{ newest }] = await q(`select max(created_at) as newest from messages where conversation_id = $1`, [first.conversation.id]);
    expect(customer.last_contact_at).toEqual(newest);
    expect((await q(`select count(*)::int as n from messages where conversation_id = $1`, [first.conversation.id]))[0]!.n).toBe(7);
  });

  it('reopens a resolved or snoozed conversation, and starts a new one after it was closed', async () => {
    const sender = `visitor:${randomUUID()}`;
    const first = await record({ senderExternalId: sender });
    await q(`update conversations set status = 'resolved', resolved_at = now() where id = $1`, [first.conversation.id]);
    const afterResolved = await record({ senderExternalId: sender });
    expect(afterResolved.conversation).toMatchObject({ id: first.conversation.id, status: 'open', resolved_at: null, total_messages: 2 });

    await q(`update conversations set status = 'pending', snoozed_until = now() + interval '1 day' where id = $1`, [first.conversation.id]);
    const afterSnooze = await record({ senderExternalId: sender });
    expect(afterSnooze.conversation).toMatchObject({ id: first.conversation.id, status: 'open', snoozed_until: null, total_messages: 3 });

    await q(`update conversations set status = 'closed' where id = $1`, [first.conversation.id]);
    const afterClosed = await record({ senderExternalId: sender });
    expect(afterClosed.conversation.id).not.toBe(first.conversation.id);
    expect(afterClosed.conversation).toMatchObject({ status: 'open', total_messages: 1, customer_id: first.customer.id });
    expect(afterClosed.customer.id).toBe(first.customer.id);
    expect((await q(`select total_conversations from customers where id = $1`, [first.customer.id]))[0]).toEqual({ total_conversations: 2 });
  });

  it('fills the sender profile and names the message after them', async () => {
    const sender = `visitor:${randomUUID()}`;
    await record({ senderExternalId: sender });
    const named = await record({ senderExternalId: sender, senderProfile: { name: 'Nora Named', email: 'Nora@Example.test' } });
    expect(named.customer).toMatchObject({ name: 'Nora Named', email: 'nora@example.test' });
    expect(named.message.sender_name).toBe('Nora Named');
    const later = await record({ senderExternalId: sender });
    expect(later.message.sender_name).toBe('Nora Named');
    expect(later.conversation.id).toBe(named.conversation.id);
  });

  it('keeps businesses apart: the same sender and external id elsewhere are someone else', async () => {
    const sender = `visitor:${randomUUID()}`;
    const externalMessageId = randomUUID();
    const here = await record({ senderExternalId: sender, externalMessageId });
    const there = await record({ businessId: otherBusiness, senderExternalId: sender, externalMessageId });
    expect(there.created).toBe(true);
    expect(there.message.id).not.toBe(here.message.id);
    expect(there.customer.id).not.toBe(here.customer.id);
    expect(there.conversation).toMatchObject({ business_id: otherBusiness, customer_id: there.customer.id });
    const nextThere = await record({ businessId: otherBusiness, senderExternalId: sender });
    expect(nextThere.conversation.id).toBe(there.conversation.id);
    expect(nextThere.message.business_id).toBe(otherBusiness);
  });
});
