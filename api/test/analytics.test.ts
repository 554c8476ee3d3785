import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';

/**
 * GET /analytics/overview over conversations seeded by SQL with known times and metrics.
 * Business A lives in Asia/Tokyo (UTC+9, no DST), so "today 00:30" there is yesterday in UTC:
 * the day series must bucket by the business's calendar, not UTC's.
 */
describe('analytics overview', () => {
  const TZ = 'Asia/Tokyo';
  let api: TestApi;
  const db = new TenantFixtures();
  let a: Awaited<ReturnType<TenantFixtures['tenant']>>;
  let b: Awaited<ReturnType<TenantFixtures['tenant']>>;
  let agent: { id: string; token: string };
  let agentMember: { id: string };
  let limited: { id: string; token: string };
  let limitedMember: { id: string };
  let outsider: { token: string };
  /** YYYY-MM-DD of today − n in the business time zone. */
  let day: (n: number) => string;

  /** An instant: `daysAgo` calendar days before today in TZ, at local `time`. */
  const local = (daysAgo: number, time: string) => `((((now() at time zone '${TZ}')::date - ${daysAgo}) + time '${time}') at time zone '${TZ}')`;

  async function conversation(businessId: string, o: {
    customer: string; platform: string; assigned?: string | null; created: string; status?: string;
    frt?: number | null; resolved?: string | null; resolution?: number | null; deleted?: boolean; rating?: number; rated?: string;
  }): Promise<string> {
    const r = await db.query<{ id: string }>(
      `insert into conversations (business_id, customer_id, platform, assigned_to, assigned_type, status, created_at, first_response_time, resolved_at, resolution_time, deleted_at, satisfaction_rating, rated_at)
       values ($1, $2, $3, $4, $5, $6, ${o.created}, $7, ${o.resolved ?? 'null'}, $8, ${o.deleted ? 'now()' : 'null'}, $9, ${o.rated ?? 'null'}) returning id`,
      [businessId, o.customer, o.platform, o.assigned ?? null, o.assigned ? 'team_member' : 'unassigned', o.status ?? 'open', o.frt ?? null, o.resolution ?? null, o.rating ?? null],
    );
    return r.rows[0]!.id;
  }

  async function message(businessId: string, conversationId: string, senderType: 'customer' | 'agent' | 'ai_bot' | 'system', at: string, o: { sender?: string; note?: boolean } = {}) {
    await db.query(
      `insert into messages (business_id, conversation_id, sender_type, sender_id, content, platform, status, is_internal_note, created_at)
       select $1, c.id, $3, $4, 'hello', c.platform, 'delivered', $5, ${at} from conversations c where c.id = $2`,
      [businessId, conversationId, senderType, o.sender ?? null, o.note ?? false],
    );
  }

  const customer = async (businessId: string, name: string): Promise<string> => (await db.customer(businessId, name)).id;

  const overview = (token: string, query: string) => call(api, 'GET', `/analytics/overview?${query}`, { token });

  beforeAll(async () => {
    api = await startTestApi();
    a = await db.tenant('Analytics A');
    b = await db.tenant('Analytics B');
    await db.query(`update businesses set settings = settings || jsonb_build_object('timezone', $2::text) where id = $1`, [a.business.id, TZ]);
    const days = await db.query<{ n: number; d: string }>(
      `select g as n, to_char((now() at time zone '${TZ}')::date - g, 'YYYY-MM-DD') as d from generate_series(0, 60) g`,
    );
    const byOffset = new Map(days.rows.map((r) => [Number(r.n), r.d]));
    day = (n) => byOffset.get(n)!;

    agent = await db.user('Ada Agent');
    agentMember = await db.member(a.business.id, agent.id, 'agent');
    limited = await db.user('Lee Limited');
    limitedMember = await db.member(a.business.id, limited.id, 'limited_agent');
    outsider = await db.user('Olly Outsider');
    const owner = a.ownerMember.id;

    const c1 = await customer(a.business.id, 'Cleo One');
    const c2 = await customer(a.business.id, 'Cody Two');
    const c3 = await customer(a.business.id, 'Cara Three');
    const c4 = await customer(a.business.id, 'Cole Four');
    const A = a.business.id;

    // Current 7-day period: today − 6 … today.
    const conv1 = await conversation(A, { customer: c1, platform: 'widget', assigned: owner, created: local(0, '00:30'), status: 'resolved', frt: 60, resolved: local(0, '02:00'), resolution: 5400, rating: 5, rated: local(0, '03:00') });
    await message(A, conv1, 'customer', local(0, '00:30'));
    await message(A, conv1, 'agent', local(0, '00:31'), { sender: a.owner.id });
    await message(A, conv1, 'agent', local(0, '00:32'), { sender: a.owner.id, note: true }); // internal note: never counts
    await message(A, conv1, 'system', local(0, '02:00')); // system: neither in nor out
    const conv2 = await conversation(A, { customer: c2, platform: 'widget', assigned: agentMember.id, created: local(2, '10:00'), frt: 120 });
    await message(A, conv2, 'customer', local(2, '10:00'));
    await message(A, conv2, 'agent', local(2, '10:02'), { sender: agent.id });
    const conv3 = await conversation(A, { customer: c3, platform: 'whatsapp', assigned: limitedMember.id, created: local(2, '11:00'), status: 'resolved', frt: 300, resolved: local(1, '09:00'), resolution: 3600, rating: 3, rated: local(1, '10:00') });
    await message(A, conv3, 'customer', local(2, '11:00'));
    await message(A, conv3, 'ai_bot', local(2, '11:01'));
    await message(A, conv3, 'agent', local(2, '11:05'), { sender: limited.id });
    await conversation(A, { customer: c4, platform: 'email', created: local(5, '08:00') }); // unassigned, no reply yet
    const conv5 = await conversation(A, { customer: c1, platform: 'whatsapp', assigned: limitedMember.id, created: local(6, '00:10'), status: 'pending', frt: 30 });
    await message(A, conv5, 'customer', local(6, '00:10'));
    // Deleted conversations never count.
    const deleted = await conversation(A, { customer: c2, platform: 'widget', assigned: owner, created: local(1, '12:00'), frt: 1, deleted: true });
    await message(A, deleted, 'customer', local(1, '12:00'));

    // Previous 7-day period: today − 13 … today − 7.
    const conv6 = await conversation(A, { customer: c2, platform: 'widget', assigned: owner, created: local(8, '12:00'), status: 'resolved', frt: 600, resolved: local(8, '14:00'), resolution: 7200, rating: 4, rated: local(8, '15:00') });
    await message(A, conv6, 'customer', local(8, '12:00'));
    await message(A, conv6, 'agent', local(8, '12:10'), { sender: a.owner.id });
    // The last half hour of the previous period; its later messages belong to the current one.
    const conv7 = await conversation(A, { customer: c4, platform: 'email', assigned: agentMember.id, created: local(7, '23:30'), frt: 240 });
    await message(A, conv7, 'customer', local(7, '23:30'));
    await message(A, conv7, 'customer', local(1, '08:00'));
    await message(A, conv7, 'agent', local(1, '08:10'), { sender: agent.id });

    // Older than both 7-day periods, inside a 30-day one; rated late, so its rating is the current period's.
    await conversation(A, { customer: c3, platform: 'sms', assigned: owner, created: local(20, '09:00'), status: 'closed', frt: 90, resolved: local(20, '10:00'), resolution: 3600, rating: 4, rated: local(3, '09:00') });

    // Business B: busy, fast and well rated; none of it may show up in A.
    const cb = await customer(b.business.id, 'Bea');
    const convB = await conversation(b.business.id, { customer: cb, platform: 'widget', assigned: b.ownerMember.id, created: 'now()', status: 'resolved', frt: 5, resolved: 'now()', resolution: 10, rating: 1, rated: 'now()' });
    await message(b.business.id, convB, 'customer', 'now()');
    await message(b.business.id, convB, 'agent', 'now()', { sender: b.owner.id });
  });

  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('totals the period and compares them with the period before', async () => {
    const res = await overview(a.owner.token, `business_id=${a.business.id}&days=7`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({
      business_id: a.business.id, days: 7, timezone: TZ, scope: 'all', conversations_all_time: 8,
      period: { first_day: day(6), last_day: day(0) },
      previous_period: { first_day: day(13), last_day: day(7) },
    });
    // The period starts at local midnight of its first day.
    expect(body.period.from).toBe(new Date(`${day(6)}T00:00:00+09:00`).toISOString());
    expect(body.period.to).toBe(new Date(Date.parse(`${day(0)}T00:00:00+09:00`) + 86_400_000).toISOString());
    expect(body.previous_period.to).toBe(body.period.from);
    expect(body.previous_period.from).toBe(new Date(`${day(13)}T00:00:00+09:00`).toISOString());

    const m = (value: number | null, previous: number | null, delta: number | null, delta_pct: number | null) => ({ value, previous, delta, delta_pct });
    expect(body.totals).toEqual({
      conversations_created: m(5, 2, 3, 150),
      conversations_resolved: m(2, 1, 1, 100),
      conversations_open: m(3, null, null, null),
      messages_in: m(5, 2, 3, 150),
      messages_out: m(5, 1, 4, 400),
      active_customers: m(4, 2, 2, 100),
      // FRT of conversations created in the period: 30, 60, 120, 300 (one unanswered) vs 240, 600.
      first_response_median_seconds: m(90, 420, -330, -78.6),
      first_response_avg_seconds: m(128, 420, -292, -69.5),
      first_response_count: m(4, 2, 2, 100),
      // Resolution of conversations resolved in the period: 5400, 3600 vs 7200.
      resolution_median_seconds: m(4500, 7200, -2700, -37.5),
      resolution_avg_seconds: m(4500, 7200, -2700, -37.5),
      resolution_count: m(2, 1, 1, 100),
      // Conversations rated in the period (whenever created): 5, 3, 4 vs 4.
      csat_average: m(4, 4, 0, 0),
      csat_count: m(3, 1, 2, 200),
    });
  });

  it('gives one entry per day of the business time zone, missing days as 0', async () => {
    const res = await overview(a.owner.token, `business_id=${a.business.id}&days=7`);
    expect(res.body.series).toEqual([
      { date: day(6), created: 1, resolved: 0 },
      { date: day(5), created: 1, resolved: 0 },
      { date: day(4), created: 0, resolved: 0 },
      { date: day(3), created: 0, resolved: 0 },
      { date: day(2), created: 2, resolved: 0 },
      { date: day(1), created: 0, resolved: 1 },
      { date: day(0), created: 1, resolved: 1 },
    ]);
    const month = await overview(a.owner.token, `business_id=${a.business.id}&days=30`);
    expect(month.body.series).toHaveLength(30);
    expect(month.body.series[0].date).toBe(day(29));
    expect(month.body.series.find((d: any) => d.date === day(20))).toEqual({ date: day(20), created: 1, resolved: 1 });
    expect(month.body.series.reduce((n: number, d: any) => n + d.created, 0)).toBe(8);
    expect(month.body.totals.conversations_created).toEqual({ value: 8, previous: 0, delta: 8, delta_pct: null });
  });

  it('breaks the period down per channel and per team member', async () => {
    const res = await overview(a.owner.token, `business_id=${a.business.id}&days=7`);
    expect(res.body.channels).toEqual([
      { platform: 'whatsapp', conversations: 2, messages: 4, first_response_median_seconds: 165 },
      { platform: 'widget', conversations: 2, messages: 4, first_response_median_seconds: 90 },
      { platform: 'email', conversations: 1, messages: 2, first_response_median_seconds: null },
    ]);
    expect(res.body.agents.map((x: any) => [x.name, x.role, x.conversations_assigned, x.conversations_resolved, x.first_response_median_seconds, x.replies_sent])).toEqual([
      ['Lee Limited', 'limited_agent', 2, 1, 165, 1],
      ['Ada Agent', 'agent', 1, 0, 120, 2],
      ['Analytics A Owner', 'owner', 1, 1, 60, 1],
    ]);
    expect(res.body.agents[0]).toMatchObject({ member_id: limitedMember.id, user_id: limited.id, is_active: true });
  });

  it('keeps each customer\'s rating at the rounded average of their rated conversations', async () => {
    const rows = await db.query<{ name: string; satisfaction_rating: number | null }>(
      `select name, satisfaction_rating from customers where business_id = $1 order by name`, [a.business.id]);
    expect(rows.rows).toEqual([
      { name: 'Cara Three', satisfaction_rating: 4 }, // 3 and 4: 3.5 rounds up
      { name: 'Cleo One', satisfaction_rating: 5 },
      { name: 'Cody Two', satisfaction_rating: 4 },
      { name: 'Cole Four', satisfaction_rating: null }, // never rated
    ]);
  });

  it('shows a limited agent only the conversations assigned to them, in every number', async () => {
    const res = await overview(limited.token, `business_id=${a.business.id}&days=7`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.scope).toBe('assigned');
    expect(body.conversations_all_time).toBe(2);
    const values = Object.fromEntries(Object.entries(body.totals).map(([k, v]: [string, any]) => [k, v.value]));
    expect(values).toEqual({
      conversations_created: 2, conversations_resolved: 1, conversations_open: 0, messages_in: 2, messages_out: 2, active_customers: 2,
      first_response_median_seconds: 165, first_response_avg_seconds: 165, first_response_count: 2,
      resolution_median_seconds: 3600, resolution_avg_seconds: 3600, resolution_count: 1,
      csat_average: 3, csat_count: 1,
    });
    expect(body.totals.conversations_created.previous).toBe(0);
    expect(body.series.filter((d: any) => d.created || d.resolved)).toEqual([
      { date: day(6), created: 1, resolved: 0 },
      { date: day(2), created: 1, resolved: 0 },
      { date: day(1), created: 0, resolved: 1 },
    ]);
    expect(body.channels).toEqual([{ platform: 'whatsapp', conversations: 2, messages: 4, first_response_median_seconds: 165 }]);
    expect(body.agents).toHaveLength(1);
    expect(body.agents[0]).toMatchObject({ member_id: limitedMember.id, conversations_assigned: 2, conversations_resolved: 1, replies_sent: 1 });

    // A regular agent sees the whole business.
    const full = await overview(agent.token, `business_id=${a.business.id}&days=7`);
    expect(full.body.scope).toBe('all');
    expect(full.body.totals.conversations_created.value).toBe(5);
  });

  it('keeps tenants apart: B counts only its own, and B or a stranger gets 404 for A', async () => {
    const own = await overview(b.owner.token, `business_id=${b.business.id}&days=7`);
    expect(own.status).toBe(200);
    expect(own.body.timezone).toBe('UTC');
    expect(own.body.conversations_all_time).toBe(1);
    expect(own.body.totals.conversations_created.value).toBe(1);
    expect(own.body.totals.messages_in.value).toBe(1);
    expect(own.body.totals.csat_average.value).toBe(1);
    expect(own.body.agents.map((x: any) => x.member_id)).toEqual([b.ownerMember.id]);

    for (const token of [b.owner.token, outsider.token]) {
      const res = await overview(token, `business_id=${a.business.id}&days=7`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Cleo');
    }
    expect((await overview(a.owner.token, `business_id=${b.business.id}`)).status).toBe(404);
    expect((await overview(a.owner.token, `business_id=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await call(api, 'GET', `/analytics/overview?business_id=${a.business.id}`)).status).toBe(401);
  });

  it('defaults to 30 days, reports nothing as null, and rejects bad input with 400', async () => {
    const fresh = await db.tenant('Analytics Empty');
    const empty = await overview(fresh.owner.token, `business_id=${fresh.business.id}`);
    expect(empty.status).toBe(200);
    expect(empty.body.days).toBe(30);
    expect(empty.body.conversations_all_time).toBe(0);
    expect(empty.body.series).toHaveLength(30);
    expect(empty.body.series.every((d: any) => d.created === 0 && d.resolved === 0)).toBe(true);
    expect(empty.body.totals.first_response_median_seconds).toEqual({ value: null, previous: null, delta: null, delta_pct: null });
    expect(empty.body.totals.csat_average.value).toBeNull();
    expect(empty.body.totals.csat_count.value).toBe(0);
    expect(empty.body.channels).toEqual([]);
    expect(empty.body.agents.map((x: any) => x.member_id)).toEqual([fresh.ownerMember.id]);

    const one = await overview(a.owner.token, `business_id=${a.business.id}&days=1`);
    expect(one.body.series).toEqual([{ date: day(0), created: 1, resolved: 1 }]);
    expect((await overview(a.owner.token, `business_id=${a.business.id}&days=365`)).status).toBe(200);

    for (const query of [
      `business_id=${a.business.id}&days=0`, `business_id=${a.business.id}&days=366`, `business_id=${a.business.id}&days=abc`,
      `business_id=${a.business.id}&days=1.5`, `business_id=${a.business.id}&days=-7`, `business_id=${a.business.id}&days=`,
      'business_id=nope&days=7', 'days=7', '', `business_id=${a.business.id}&bogus=1`,
    ]) {
      const res = await overview(a.owner.token, query);
      expect([query, res.status]).toEqual([query, 400]);
    }
    const both = await overview(a.owner.token, 'business_id=nope&days=999');
    expect(both.body.message).toEqual(expect.arrayContaining([expect.stringContaining('business_id'), expect.stringContaining('days')]));
  });
});
