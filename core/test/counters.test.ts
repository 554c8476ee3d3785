import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { loadSettings } from '../src/index.js';

/**
 * Counters the database keeps, whatever path writes the rows: per conversation (messages,
 * unread, last message times) and per customer (conversations, last contact).
 */
describe('database counters', () => {
  const pool = new pg.Pool({ connectionString: loadSettings().databaseUrl, max: 2 });
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => pool.query(sql, params).then((r) => r.rows[0] as T);
  let business: string;
  let customer: string;

  beforeAll(async () => {
    business = (await q<{ id: string }>(`insert into businesses (name, slug) values ('Counters', $1) returning id`, [`counters-${randomUUID()}`])).id;
    customer = (await q<{ id: string }>(`insert into customers (business_id, name) values ($1, 'Counted') returning id`, [business])).id;
  });
  afterAll(() => pool.end());

  const customerRow = () => q<{ total_conversations: number; last_contact_at: Date | null }>(`select total_conversations, last_contact_at from customers where id = $1`, [customer]);
  const conversation = (platform: string) =>
    q<{ id: string }>(`insert into conversations (business_id, customer_id, platform) values ($1, $2, $3) returning id`, [business, customer, platform]).then((r) => r.id);
  const message = (conversationId: string, senderType: string, at: string) =>
    q(`insert into messages (business_id, conversation_id, sender_type, content, platform, created_at) values ($1, $2, $3, 'hi', 'widget', $4)`, [business, conversationId, senderType, at]);

  it('counts a customer\'s conversations, soft-deleted ones excluded', async () => {
    expect((await customerRow()).total_conversations).toBe(0);
    const first = await conversation('widget');
    const second = await conversation('whatsapp');
    expect((await customerRow()).total_conversations).toBe(2);
    await q(`update conversations set deleted_at = now() where id = $1`, [second]);
    expect((await customerRow()).total_conversations).toBe(1);
    await q(`update conversations set deleted_at = null where id = $1`, [second]);
    expect((await customerRow()).total_conversations).toBe(2);
    await q(`delete from conversations where id = $1`, [second]);
    expect((await customerRow()).total_conversations).toBe(1);
    await q(`update conversations set status = 'resolved' where id = $1`, [first]);
    expect((await customerRow()).total_conversations).toBe(1);
  });

  it('keeps the customer\'s last contact at their latest message, never moving it back', async () => {
    const id = await conversation('sms');
    await message(id, 'customer', '2026-11-20T10:00:00Z');
    expect((await customerRow()).last_contact_at).toEqual(new Date('2026-11-20T10:00:00Z'));
    await message(id, 'agent', '2026-11-21T10:00:00Z');
    expect((await customerRow()).last_contact_at).toEqual(new Date('2026-11-20T10:00:00Z'));
    await message(id, 'customer', '2026-11-19T10:00:00Z');
    expect((await customerRow()).last_contact_at).toEqual(new Date('2026-11-20T10:00:00Z'));
    await message(id, 'customer', '2026-11-22T08:30:00Z');
    expect((await customerRow()).last_contact_at).toEqual(new Date('2026-11-22T08:30:00Z'));
    const counters = await q<{ total_messages: number; unread_count: number }>(`select total_messages, unread_count from conversations where id = $1`, [id]);
    expect(counters).toEqual({ total_messages: 4, unread_count: 3 });
  });
});
