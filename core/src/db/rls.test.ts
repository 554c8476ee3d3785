import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { loadSettings } from '../config/env.js';

/**
 * Row-level security as PostgREST applies it to a signed-in user of a hosted Supabase project:
 * role `authenticated` plus the JWT claims in `request.jwt.claims`. Rows are inserted directly
 * (as the table owner); each check runs in its own transaction that is rolled back.
 */
describe('row-level security for a signed-in user', () => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL || loadSettings().databaseUrl, max: 3 });
  const tag = randomUUID().slice(0, 8);
  const u = { ownerA: randomUUID(), adminA: randomUUID(), agentA: randomUUID(), ownerB: randomUUID() };
  const a = { business: '', customer: '', conversation: '', message: '', ownerMember: '', adminMember: '', agentMember: '' };
  const b = { business: '', customer: '', conversation: '', message: '', ownerMember: '', invitation: '' };
  let deletedBusiness = '';

  const one = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0];

  async function tenantRows(businessId: string, label: string) {
    const customer = (await one(`insert into customers (business_id, name, email) values ($1, $2, $3) returning id`, [businessId, `${label} customer`, `${label}-${tag}@customer.test`])).id;
    const conversation = (await one(`insert into conversations (business_id, customer_id, platform) values ($1, $2, 'widget') returning id`, [businessId, customer])).id;
    const message = (await one(
      `insert into messages (business_id, conversation_id, sender_type, content, platform) values ($1, $2, 'customer', $3, 'widget') returning id`,
      [businessId, conversation, `${label} secret`])).id;
    return { customer, conversation, message };
  }

  beforeAll(async () => {
    for (const [name, id] of Object.entries(u)) {
      await pool.query(`insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, $3)`, [id, `${name}-${tag}@rls.test`, { full_name: name }]);
    }
    a.business = (await one(`insert into businesses (name, slug) values ('RLS A', $1) returning id`, [`rls-a-${tag}`])).id;
    b.business = (await one(`insert into businesses (name, slug) values ('RLS B', $1) returning id`, [`rls-b-${tag}`])).id;
    deletedBusiness = (await one(`insert into businesses (name, slug, deleted_at) values ('RLS gone', $1, now()) returning id`, [`rls-gone-${tag}`])).id;
    const member = async (business: string, user: string, role: string) =>
      (await one(`insert into team_members (business_id, user_id, role, joined_at) values ($1, $2, $3, now()) returning id`, [business, user, role])).id;
    a.ownerMember = await member(a.business, u.ownerA, 'owner');
    a.adminMember = await member(a.business, u.adminA, 'admin');
    a.agentMember = await member(a.business, u.agentA, 'agent');
    b.ownerMember = await member(b.business, u.ownerB, 'owner');
    await member(deletedBusiness, u.ownerA, 'owner');
    Object.assign(a, await tenantRows(a.business, 'A'));
    Object.assign(b, await tenantRows(b.business, 'B'));
    await tenantRows(deletedBusiness, 'gone');
    b.invitation = (await one(
      `insert into invitations (business_id, email, role, token_hash, expires_at) values ($1, $2, 'agent', $3, now() + interval '1 day') returning id`,
      [b.business, `invitee-${tag}@rls.test`, `hash-${tag}`])).id;
  });
  afterAll(async () => {
    await pool.query(`delete from businesses where id = any($1)`, [[a.business, b.business, deletedBusiness]]);
    await pool.query(`delete from auth.users where id = any($1)`, [Object.values(u)]);
    await pool.end();
  });

  /** Runs `fn` the way PostgREST runs a request carrying `userId`'s access token; always rolled back. */
  async function as<T>(userId: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('set local role authenticated');
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role: 'authenticated' })]);
      return await fn(client);
    } finally {
      await client.query('rollback');
      client.release();
    }
  }
  const ids = async (c: pg.PoolClient, sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows.map((r) => r.id as string).sort();
  const affected = async (c: pg.PoolClient, sql: string, params: unknown[] = []) => (await c.query(sql, params)).rowCount;

  it('shows A its own business rows and none of B', async () => {
    const seen = await as(u.ownerA, async (c) => ({
      businesses: await ids(c, `select id from businesses where id = any($1)`, [[a.business, b.business]]),
      team_members: await ids(c, `select id from team_members where business_id = any($1)`, [[a.business, b.business]]),
      customers: await ids(c, `select id from customers where business_id = any($1)`, [[a.business, b.business]]),
      conversations: await ids(c, `select id from conversations where business_id = any($1)`, [[a.business, b.business]]),
      messages: await ids(c, `select id from messages where business_id = any($1)`, [[a.business, b.business]]),
      invitations: await ids(c, `select id from invitations where business_id = $1`, [b.business]),
      // Unfiltered: nothing of B appears anywhere in what A can read.
      everything: (await c.query(
        `select id from businesses union all select business_id from team_members union all select business_id from customers
         union all select business_id from conversations union all select business_id from messages`)).rows.map((r) => r.id),
    }));
    expect(seen.businesses).toEqual([a.business]);
    expect(seen.team_members).toEqual([a.ownerMember, a.adminMember, a.agentMember].sort());
    expect(seen.customers).toEqual([a.customer]);
    expect(seen.conversations).toEqual([a.conversation]);
    expect(seen.messages).toEqual([a.message]);
    expect(seen.invitations).toEqual([]);
    expect(seen.everything).not.toContain(b.business);
    expect(seen.everything).toContain(a.business);
  });

  it('lets A update and delete none of B\'s rows', async () => {
    const statements: [string, unknown[]][] = [
      [`update businesses set name = 'pwned' where id = $1`, [b.business]],
      [`update team_members set title = 'pwned' where id = $1`, [b.ownerMember]],
      [`update customers set name = 'pwned' where id = $1`, [b.customer]],
      [`update conversations set status = 'closed' where id = $1`, [b.conversation]],
      [`update messages set content = 'pwned' where id = $1`, [b.message]],
      [`update invitations set revoked_at = now() where id = $1`, [b.invitation]],
      [`delete from messages where id = $1`, [b.message]],
      [`delete from conversations where id = $1`, [b.conversation]],
      [`delete from customers where id = $1`, [b.customer]],
      [`delete from team_members where id = $1`, [b.ownerMember]],
      [`delete from businesses where id = $1`, [b.business]],
      // Moving A's own row into B is refused as well.
      [`update customers set business_id = $2 where id = $1`, [a.customer, b.business]],
    ];
    const leaks: string[] = [];
    for (const [sql, params] of statements) {
      const outcome = await as(u.ownerA, (c) => affected(c, sql, params)).catch((e: Error) => e.message);
      const refused = outcome === 0 || (typeof outcome === 'string' && /row-level security|permission denied/.test(outcome));
      if (!refused) leaks.push(`${sql} → ${outcome}`);
    }
    expect(leaks).toEqual([]);
    const untouched = await pool.query(
      `select (select name from businesses where id = $1) as business, (select title from team_members where id = $2) as title,
              (select name from customers where id = $3) as customer, (select status from conversations where id = $4) as status,
              (select content from messages where id = $5) as content, (select revoked_at from invitations where id = $6) as revoked,
              (select business_id from customers where id = $7) as a_customer_business`,
      [b.business, b.ownerMember, b.customer, b.conversation, b.message, b.invitation, a.customer]);
    expect(untouched.rows[0]).toEqual({ business: 'RLS B', title: null, customer: 'B customer', status: 'open', content: 'B secret', revoked: null, a_customer_business: a.business });
  });

  it('refuses A inserting rows into B', async () => {
    const inserts: [string, unknown[]][] = [
      [`insert into customers (business_id, name) values ($1, 'injected')`, [b.business]],
      [`insert into conversations (business_id, customer_id, platform) values ($1, $2, 'widget')`, [b.business, b.customer]],
      [`insert into messages (business_id, conversation_id, sender_type, content, platform) values ($1, $2, 'agent', 'x', 'widget')`, [b.business, b.conversation]],
      // Claiming A's business while pointing at B's conversation.
      [`insert into messages (business_id, conversation_id, sender_type, content, platform) values ($1, $2, 'agent', 'x', 'widget')`, [a.business, b.conversation]],
      [`insert into team_members (business_id, user_id, role) values ($1, $2, 'owner')`, [b.business, u.ownerA]],
      [`insert into businesses (name, slug) values ('sneaky', $1)`, [`sneaky-${tag}`]],
    ];
    for (const [sql, params] of inserts) {
      await expect(as(u.ownerA, (c) => c.query(sql, params))).rejects.toThrow(/row-level security/);
    }
    expect((await pool.query(`select count(*)::int as n from customers where business_id = $1`, [b.business])).rows[0].n).toBe(1);
    expect((await pool.query(`select count(*)::int as n from team_members where business_id = $1`, [b.business])).rows[0].n).toBe(1);
  });

  it('lets A write its own rows', async () => {
    const done = await as(u.ownerA, async (c) => ({
      message: await affected(c, `insert into messages (business_id, conversation_id, sender_type, content, platform) values ($1, $2, 'agent', 'hello', 'widget')`, [a.business, a.conversation]),
      customer: await affected(c, `update customers set name = 'Renamed' where id = $1`, [a.customer]),
      business: await affected(c, `update businesses set name = 'RLS A renamed' where id = $1`, [a.business]),
    }));
    expect(done).toEqual({ message: 1, customer: 1, business: 1 });
  });

  it('does not tell anyone which businesses another user belongs to', async () => {
    const answers = await as(u.ownerA, async (c) => ({
      own: (await c.query(`select business_id from get_user_businesses($1)`, [u.ownerA])).rows.map((r) => r.business_id),
      other: (await c.query(`select business_id from get_user_businesses($1)`, [u.ownerB])).rows,
      otherWithRole: (await c.query(`select business_id from get_user_businesses_with_role($1, '{owner}')`, [u.ownerB])).rows,
    }));
    // The soft-deleted business A owned is gone too.
    expect(answers).toEqual({ own: [a.business], other: [], otherWithRole: [] });
  });

  it('hides a soft-deleted business and everything in it from its former members', async () => {
    const seen = await as(u.ownerA, async (c) => ({
      business: await ids(c, `select id from businesses where id = $1`, [deletedBusiness]),
      customers: await ids(c, `select id from customers where business_id = $1`, [deletedBusiness]),
      renamed: await affected(c, `update businesses set name = 'back' where id = $1`, [deletedBusiness]),
    }));
    expect(seen).toEqual({ business: [], customers: [], renamed: 0 });
  });

  it('keeps billing state out of reach of a user\'s token, even the owner\'s', async () => {
    for (const column of [`subscription_status = 'active'`, `plan_type = 'enterprise'`, `trial_ends_at = now() + interval '10 years'`, `deleted_at = null`]) {
      await expect(as(u.ownerA, (c) => c.query(`update businesses set ${column} where id = $1`, [a.business]))).rejects.toThrow(/permission denied/);
    }
    expect((await pool.query(`select subscription_status, plan_type from businesses where id = $1`, [a.business])).rows[0]).toEqual({ subscription_status: 'trial', plan_type: 'starter' });
  });

  it('lets only owners and admins manage the team, and only owners touch owners', async () => {
    // An agent can neither promote themselves, nor remove the owner, nor add anyone, nor edit the business.
    const agent = await as(u.agentA, async (c) => ({
      promoteSelf: await affected(c, `update team_members set role = 'owner' where id = $1`, [a.agentMember]),
      grantSelf: await affected(c, `update team_members set permissions = '{}'::jsonb where id = $1`, [a.agentMember]),
      removeOwner: await affected(c, `delete from team_members where id = $1`, [a.ownerMember]),
      renameBusiness: await affected(c, `update businesses set name = 'agent was here' where id = $1`, [a.business]),
    }));
    expect(agent).toEqual({ promoteSelf: 0, grantSelf: 0, removeOwner: 0, renameBusiness: 0 });
    await expect(as(u.agentA, (c) => c.query(`insert into team_members (business_id, user_id, role) values ($1, $2, 'agent')`, [a.business, u.ownerB])))
      .rejects.toThrow(/row-level security/);

    // An admin manages non-owners but cannot demote or remove the owner, nor make anyone owner.
    const admin = await as(u.adminA, async (c) => ({
      titleAgent: await affected(c, `update team_members set title = 'Lead' where id = $1`, [a.agentMember]),
      demoteOwner: await affected(c, `update team_members set role = 'agent' where id = $1`, [a.ownerMember]),
      removeOwner: await affected(c, `delete from team_members where id = $1`, [a.ownerMember]),
    }));
    expect(admin).toEqual({ titleAgent: 1, demoteOwner: 0, removeOwner: 0 });
    await expect(as(u.adminA, (c) => c.query(`update team_members set role = 'owner' where id = $1`, [a.agentMember]))).rejects.toThrow(/row-level security/);

    // The owner may make an owner.
    expect(await as(u.ownerA, (c) => affected(c, `update team_members set role = 'owner' where id = $1`, [a.adminMember]))).toBe(1);
  });

  it('keeps users from rewriting their email and from touching the migration ledger', async () => {
    expect(await as(u.agentA, (c) => affected(c, `update users set full_name = 'Agnes' where id = $1`, [u.agentA]))).toBe(1);
    await expect(as(u.agentA, (c) => c.query(`update users set email = $2 where id = $1`, [u.agentA, `spoof-${tag}@rls.test`]))).rejects.toThrow(/permission denied/);
    await expect(as(u.agentA, (c) => c.query(`select * from mikro_orm_migrations`))).rejects.toThrow(/permission denied/);
  });

  it('is not fooled by a temporary table shadowing team_members', async () => {
    const seen = await as(u.ownerA, async (c) => {
      await c.query(`create temp table team_members (business_id uuid, user_id uuid, is_active boolean, role text)`);
      await c.query(`insert into pg_temp.team_members values ($1, $2, true, 'owner')`, [b.business, u.ownerA]);
      return ids(c, `select id from public.businesses where id = $1`, [b.business]);
    });
    expect(seen).toEqual([]);
  });
});
