import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { loadSettings } from '../src/index.js';

/**
 * The spec's row-level-security policies (plus our write policies) as the second wall:
 * a member of business A, under `SET ROLE authenticated` with A's JWT claims, can neither see
 * nor change anything of business B.
 */
describe('row-level security', () => {
  const pool = new pg.Pool({ connectionString: loadSettings().databaseUrl, max: 2 });
  const ids = { userA: randomUUID(), userB: randomUUID(), bizA: '', bizB: '', custB: '', convB: '', msgB: '', custA: '', convA: '' };

  beforeAll(async () => {
    const q = (sql: string, params: unknown[]) => pool.query(sql, params).then((r) => r.rows[0]);
    for (const u of [ids.userA, ids.userB]) await q(`insert into auth.users (id, email) values ($1, $2)`, [u, `${u}@rls.test`]);
    ids.bizA = (await q(`insert into businesses (name, slug) values ('RLS A', $1) returning id`, [`rls-a-${ids.userA}`])).id;
    ids.bizB = (await q(`insert into businesses (name, slug) values ('RLS B', $1) returning id`, [`rls-b-${ids.userB}`])).id;
    await q(`insert into team_members (business_id, user_id, role) values ($1, $2, 'owner')`, [ids.bizA, ids.userA]);
    await q(`insert into team_members (business_id, user_id, role) values ($1, $2, 'owner')`, [ids.bizB, ids.userB]);
    ids.custA = (await q(`insert into customers (business_id, name) values ($1, 'A customer') returning id`, [ids.bizA])).id;
    ids.custB = (await q(`insert into customers (business_id, name) values ($1, 'B customer') returning id`, [ids.bizB])).id;
    ids.convA = (await q(`insert into conversations (business_id, customer_id, platform) values ($1, $2, 'widget') returning id`, [ids.bizA, ids.custA])).id;
    ids.convB = (await q(`insert into conversations (business_id, customer_id, platform) values ($1, $2, 'widget') returning id`, [ids.bizB, ids.custB])).id;
    ids.msgB = (await q(`insert into messages (business_id, conversation_id, sender_type, content, platform) values ($1, $2, 'customer', 'B secret', 'widget') returning id`, [ids.bizB, ids.convB])).id;
    await q(`insert into notifications (user_id, business_id, type, title) values ($1, $2, 'system', 'for B')`, [ids.userB, ids.bizB]);
  });
  afterAll(() => pool.end());

  /** Runs `fn` as user A through PostgREST's mechanism: role authenticated + request.jwt.claims. */
  async function asUserA<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: ids.userA, role: 'authenticated' })]);
      await client.query('set local role authenticated');
      return await fn(client);
    } finally {
      await client.query('rollback');
      client.release();
    }
  }

  it('auth.uid() reads the request claims', async () => {
    expect(await asUserA(async (c) => (await c.query('select auth.uid() as uid')).rows[0].uid)).toBe(ids.userA);
  });

  it('shows A its own rows and none of B', async () => {
    const seen = await asUserA(async (c) => {
      const count = async (table: string, column = 'business_id') => (await c.query(`select ${column} as b from ${table}`)).rows.map((r) => r.b);
      return {
        businesses: await count('businesses', 'id'),
        team_members: await count('team_members'),
        customers: await count('customers'),
        conversations: await count('conversations'),
        messages: await count('messages'),
        notifications: await count('notifications'),
      };
    });
    expect(seen.businesses).toEqual([ids.bizA]);
    expect(seen.team_members).toEqual([ids.bizA]);
    expect(seen.customers).toEqual([ids.bizA]);
    expect(seen.conversations).toEqual([ids.bizA]);
    expect(seen.messages).toEqual([]);
    expect(seen.notifications).toEqual([]);
  });

  it('lets A change nothing of B', async () => {
    const results = await asUserA(async (c) => ({
      updateBusiness: (await c.query(`update businesses set name = 'pwned' where id = $1`, [ids.bizB])).rowCount,
      updateConversation: (await c.query(`update conversations set status = 'closed' where id = $1`, [ids.convB])).rowCount,
      deleteMessage: (await c.query(`delete from messages where id = $1`, [ids.msgB])).rowCount,
      deleteCustomer: (await c.query(`delete from customers where id = $1`, [ids.custB])).rowCount,
    }));
    expect(results).toEqual({ updateBusiness: 0, updateConversation: 0, deleteMessage: 0, deleteCustomer: 0 });
    for (const [sql, params] of [
      [`insert into customers (business_id, name) values ($1, 'injected')`, [ids.bizB]],
      [`insert into messages (business_id, conversation_id, sender_type, content, platform) values ($1, $2, 'agent', 'x', 'widget')`, [ids.bizB, ids.convB]],
      // Claiming A's business while pointing at B's conversation is refused too.
      [`insert into messages (business_id, conversation_id, sender_type, content, platform) values ($1, $2, 'agent', 'x', 'widget')`, [ids.bizA, ids.convB]],
      [`insert into team_members (business_id, user_id, role) values ($1, $2, 'owner')`, [ids.bizB, ids.userA]],
    ] as const) {
      await expect(asUserA((c) => c.query(sql, [...params]))).rejects.toThrow(/row-level security/);
    }
    const b = await pool.query(`select name from businesses where id = $1`, [ids.bizB]);
    expect(b.rows[0].name).toBe('RLS B');
  });

  it('lets A write its own rows', async () => {
    const inserted = await asUserA(async (c) => (await c.query(
      `insert into messages (business_id, conversation_id, sender_type, content, platform) values ($1, $2, 'agent', 'hello', 'widget') returning id`,
      [ids.bizA, ids.convA])).rowCount);
    expect(inserted).toBe(1);
  });
});
