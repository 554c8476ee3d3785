import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { TenantAccessService, type Membership } from '../tenancy/tenant-access.service.js';
import { ANALYTICS_DEFAULT_DAYS } from './dto/analytics-overview.dto.js';

/** A number for the period, the same number for the period before it, and the change. */
export interface Metric {
  value: number | null;
  previous: number | null;
  /** value − previous (null when either is null). */
  delta: number | null;
  /** delta as a percentage of previous, one decimal (null when previous is 0 or null). */
  delta_pct: number | null;
}

export interface AnalyticsTotals {
  conversations_created: Metric;
  conversations_resolved: Metric;
  /** Open right now (not a period figure: previous and delta are null). */
  conversations_open: Metric;
  messages_in: Metric;
  messages_out: Metric;
  active_customers: Metric;
  /** Of conversations created in the period that got a reply. */
  first_response_median_seconds: Metric;
  first_response_avg_seconds: Metric;
  first_response_count: Metric;
  /** Of conversations resolved in the period. */
  resolution_median_seconds: Metric;
  resolution_avg_seconds: Metric;
  resolution_count: Metric;
  /** Average satisfaction (1–5) of the conversations customers rated in the period. */
  csat_average: Metric;
  csat_count: Metric;
}

export interface AnalyticsDay { date: string; created: number; resolved: number }

export interface AnalyticsChannel {
  platform: string;
  conversations: number;
  messages: number;
  first_response_median_seconds: number | null;
}

export interface AnalyticsAgent {
  member_id: string;
  user_id: string;
  name: string;
  email: string | null;
  avatar_url: string | null;
  role: string;
  is_active: boolean;
  conversations_assigned: number;
  conversations_resolved: number;
  first_response_median_seconds: number | null;
  replies_sent: number;
}

export interface AnalyticsOverview {
  business_id: string;
  days: number;
  timezone: string;
  /** 'all' for members who see every conversation, 'assigned' for limited agents (only their own). */
  scope: 'all' | 'assigned';
  /** Half-open [from, to) instants and the calendar days they cover in the business time zone. */
  period: { from: string; to: string; first_day: string; last_day: string };
  previous_period: { from: string; to: string; first_day: string; last_day: string };
  /** Conversations ever (in the caller's scope): 0 means there is nothing to report yet. */
  conversations_all_time: number;
  totals: AnalyticsTotals;
  series: AnalyticsDay[];
  channels: AnalyticsChannel[];
  agents: AnalyticsAgent[];
}

interface Bounds { from: string; to: string; prev_from: string; first_day: string; last_day: string; prev_first_day: string; prev_last_day: string }

interface TotalsRow {
  created: string; resolved: string; open_now: string; messages_in: string; messages_out: string; active_customers: string;
  frt_median: number | null; frt_avg: string | null; frt_count: string;
  res_median: number | null; res_avg: string | null; res_count: string;
  csat_avg: string | null; csat_count: string; all_time: string;
}

const num = (v: unknown): number => Number(v ?? 0);
const seconds = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v)));
const rating = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);

function metric(value: number | null, previous: number | null): Metric {
  const delta = value === null || previous === null ? null : Math.round((value - previous) * 100) / 100;
  const delta_pct = delta === null || !previous ? null : Math.round((delta / previous) * 1000) / 10;
  return { value, previous, delta, delta_pct };
}

function validTimeZone(tz: unknown): string {
  if (typeof tz !== 'string' || !tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

const iso = (v: unknown): string => new Date(v as string).toISOString();

/**
 * Reports over a business's conversations and messages. Periods are whole calendar days in the
 * business time zone, today included; the previous period is the same number of days just
 * before. Every number only counts what the caller may see: a limited agent (no
 * conversations.view_all) only their assigned conversations.
 */
@Injectable()
export class AnalyticsService {
  constructor(private readonly em: EntityManager, private readonly access: TenantAccessService) {}

  async overview(userId: string, businessId: string, days = ANALYTICS_DEFAULT_DAYS): Promise<AnalyticsOverview> {
    const membership = await this.access.requireMember(userId, businessId);
    const conn = this.em.getConnection();
    const [business] = await conn.execute<{ timezone: string | null }[]>(
      `select b.settings->>'timezone' as timezone from businesses b where b.id = ?`, [businessId],
    );
    const timezone = validTimeZone(business?.timezone);
    const bounds = await this.bounds(timezone, days);
    const scope = this.scope(membership);

    const [current, previous, series, channels, agents] = await Promise.all([
      this.totals(businessId, scope, bounds.from, bounds.to),
      this.totals(businessId, scope, bounds.prev_from, bounds.from),
      this.series(businessId, scope, bounds, timezone),
      this.channels(businessId, scope, bounds),
      this.agents(businessId, scope, bounds, membership),
    ]);

    const pair = (key: keyof TotalsRow, read: (v: unknown) => number | null) => metric(read(current[key]), read(previous[key]));
    return {
      business_id: businessId,
      days,
      timezone,
      scope: scope.all ? 'all' : 'assigned',
      period: { from: iso(bounds.from), to: iso(bounds.to), first_day: bounds.first_day, last_day: bounds.last_day },
      previous_period: { from: iso(bounds.prev_from), to: iso(bounds.from), first_day: bounds.prev_first_day, last_day: bounds.prev_last_day },
      conversations_all_time: num(current.all_time),
      totals: {
        conversations_created: pair('created', num),
        conversations_resolved: pair('resolved', num),
        conversations_open: metric(num(current.open_now), null),
        messages_in: pair('messages_in', num),
        messages_out: pair('messages_out', num),
        active_customers: pair('active_customers', num),
        first_response_median_seconds: pair('frt_median', seconds),
        first_response_avg_seconds: pair('frt_avg', seconds),
        first_response_count: pair('frt_count', num),
        resolution_median_seconds: pair('res_median', seconds),
        resolution_avg_seconds: pair('res_avg', seconds),
        resolution_count: pair('res_count', num),
        csat_average: pair('csat_avg', rating),
        csat_count: pair('csat_count', num),
      },
      series,
      channels,
      agents,
    };
  }

  /** Limited agents only ever see the conversations assigned to them. */
  private scope(membership: Membership): { all: boolean; sql: string; params: unknown[] } {
    const { condition, params } = this.access.conversationVisibility(membership);
    return { all: !condition, sql: condition ? `and ${condition}` : '', params };
  }

  /** [from, to) = the last `days` calendar days in `timezone`, today included; prev_from = `days` days earlier. */
  private async bounds(timezone: string, days: number): Promise<Bounds> {
    const [row] = await this.em.getConnection().execute<Bounds[]>(
      `select ((t.today - (t.n - 1))::timestamp at time zone t.tz) as "from",
              ((t.today + 1)::timestamp at time zone t.tz) as "to",
              ((t.today - (2 * t.n - 1))::timestamp at time zone t.tz) as prev_from,
              to_char(t.today - (t.n - 1), 'YYYY-MM-DD') as first_day,
              to_char(t.today, 'YYYY-MM-DD') as last_day,
              to_char(t.today - (2 * t.n - 1), 'YYYY-MM-DD') as prev_first_day,
              to_char(t.today - t.n, 'YYYY-MM-DD') as prev_last_day
         from (select (now() at time zone ?::text)::date as today, ?::int as n, ?::text as tz) t`,
      [timezone, days, timezone],
    );
    return { ...row!, from: iso(row!.from), to: iso(row!.to), prev_from: iso(row!.prev_from) };
  }

  /** The visible conversations of the business, as a CTE named `vis`. */
  private visible(scope: { sql: string }): string {
    return `vis as (
      select c.id, c.customer_id, c.platform, c.status, c.assigned_to, c.created_at, c.resolved_at, c.first_response_time, c.resolution_time,
             c.satisfaction_rating, c.rated_at
        from conversations c where c.business_id = ? and c.deleted_at is null ${scope.sql})`;
  }

  private async totals(businessId: string, scope: { sql: string; params: unknown[] }, from: string, to: string): Promise<TotalsRow> {
    const [row] = await this.em.getConnection().execute<TotalsRow[]>(
      `with w as (select ?::timestamptz as f, ?::timestamptz as t),
       ${this.visible(scope)},
       created as (select vis.* from vis cross join w where vis.created_at >= w.f and vis.created_at < w.t),
       resolved as (select vis.* from vis cross join w where vis.resolved_at >= w.f and vis.resolved_at < w.t),
       msgs as (
         select m.sender_type, vis.customer_id from messages m join vis on vis.id = m.conversation_id cross join w
          where m.business_id = ? and not coalesce(m.is_internal_note, false) and m.created_at >= w.f and m.created_at < w.t),
       active as (select customer_id from created union select customer_id from msgs where sender_type = 'customer'),
       rated as (select vis.satisfaction_rating from vis cross join w where vis.rated_at >= w.f and vis.rated_at < w.t and vis.satisfaction_rating is not null)
       select (select count(*) from created) as created,
              (select count(*) from resolved) as resolved,
              (select count(*) from vis where status = 'open') as open_now,
              (select count(*) from msgs where sender_type = 'customer') as messages_in,
              (select count(*) from msgs where sender_type in ('agent', 'ai_bot')) as messages_out,
              (select count(*) from active) as active_customers,
              (select percentile_cont(0.5) within group (order by first_response_time) from created where first_response_time is not null) as frt_median,
              (select avg(first_response_time) from created) as frt_avg,
              (select count(first_response_time) from created) as frt_count,
              (select percentile_cont(0.5) within group (order by resolution_time) from resolved where resolution_time is not null) as res_median,
              (select avg(resolution_time) from resolved) as res_avg,
              (select count(resolution_time) from resolved) as res_count,
              (select avg(satisfaction_rating) from rated) as csat_avg,
              (select count(*) from rated) as csat_count,
              (select count(*) from vis) as all_time`,
      [from, to, businessId, ...scope.params, businessId],
    );
    return row!;
  }

  /** Conversations created and resolved per calendar day of the business time zone, every day present. */
  private async series(businessId: string, scope: { sql: string; params: unknown[] }, bounds: Bounds, timezone: string): Promise<AnalyticsDay[]> {
    const rows = await this.em.getConnection().execute<{ date: string; created: string; resolved: string }[]>(
      `with w as (select ?::timestamptz as f, ?::timestamptz as t, ?::text as tz),
       ${this.visible(scope)},
       created as (
         select (vis.created_at at time zone w.tz)::date as d, count(*) as n from vis cross join w
          where vis.created_at >= w.f and vis.created_at < w.t group by 1),
       resolved as (
         select (vis.resolved_at at time zone w.tz)::date as d, count(*) as n from vis cross join w
          where vis.resolved_at >= w.f and vis.resolved_at < w.t group by 1)
       select to_char(s.d, 'YYYY-MM-DD') as date, coalesce(c.n, 0) as created, coalesce(r.n, 0) as resolved
         from (select generate_series(?::date, ?::date, interval '1 day')::date as d) s
         left join created c on c.d = s.d
         left join resolved r on r.d = s.d
        order by s.d`,
      [bounds.from, bounds.to, timezone, businessId, ...scope.params, bounds.first_day, bounds.last_day],
    );
    return rows.map((r) => ({ date: r.date, created: num(r.created), resolved: num(r.resolved) }));
  }

  /** Per platform: conversations created, messages exchanged (both ways) and the median first response. */
  private async channels(businessId: string, scope: { sql: string; params: unknown[] }, bounds: Bounds): Promise<AnalyticsChannel[]> {
    const rows = await this.em.getConnection().execute<{ platform: string; conversations: string; messages: string; frt_median: number | null }[]>(
      `with w as (select ?::timestamptz as f, ?::timestamptz as t),
       ${this.visible(scope)},
       conv as (
         select vis.platform, count(*) as conversations,
                percentile_cont(0.5) within group (order by vis.first_response_time) filter (where vis.first_response_time is not null) as frt_median
           from vis cross join w where vis.created_at >= w.f and vis.created_at < w.t group by vis.platform),
       msg as (
         select vis.platform, count(*) as messages
           from messages m join vis on vis.id = m.conversation_id cross join w
          where m.business_id = ? and not coalesce(m.is_internal_note, false) and m.sender_type in ('customer', 'agent', 'ai_bot')
            and m.created_at >= w.f and m.created_at < w.t
          group by vis.platform)
       select coalesce(conv.platform, msg.platform) as platform, coalesce(conv.conversations, 0) as conversations,
              coalesce(msg.messages, 0) as messages, conv.frt_median
         from conv full join msg on msg.platform = conv.platform
        order by 2 desc, 3 desc, 1`,
      [bounds.from, bounds.to, businessId, ...scope.params, businessId],
    );
    return rows.map((r) => ({ platform: r.platform, conversations: num(r.conversations), messages: num(r.messages), first_response_median_seconds: seconds(r.frt_median) }));
  }

  /**
   * Per team member: conversations created in the period and assigned to them, those resolved in
   * the period, their median first response, and the replies they sent. Active members are
   * always listed; deactivated ones only with activity in the period. A limited agent only sees
   * their own row.
   */
  private async agents(businessId: string, scope: { all: boolean; sql: string; params: unknown[] }, bounds: Bounds, membership: Membership): Promise<AnalyticsAgent[]> {
    const rows = await this.em.getConnection().execute<{
      member_id: string; user_id: string; full_name: string | null; email: string | null; avatar_url: string | null; role: string; is_active: boolean;
      assigned: string; resolved: string; frt_median: number | null; replies: string;
    }[]>(
      `with w as (select ?::timestamptz as f, ?::timestamptz as t),
       ${this.visible(scope)},
       assigned as (
         select vis.assigned_to as member_id, count(*) as n,
                percentile_cont(0.5) within group (order by vis.first_response_time) filter (where vis.first_response_time is not null) as frt_median
           from vis cross join w where vis.assigned_to is not null and vis.created_at >= w.f and vis.created_at < w.t group by 1),
       resolved as (
         select vis.assigned_to as member_id, count(*) as n
           from vis cross join w where vis.assigned_to is not null and vis.resolved_at >= w.f and vis.resolved_at < w.t group by 1),
       replies as (
         select m.sender_id as user_id, count(*) as n
           from messages m join vis on vis.id = m.conversation_id cross join w
          where m.business_id = ? and m.sender_type = 'agent' and not coalesce(m.is_internal_note, false)
            and m.created_at >= w.f and m.created_at < w.t
          group by 1)
       select tm.id as member_id, tm.user_id, u.full_name, u.email, u.avatar_url, tm.role, coalesce(tm.is_active, false) as is_active,
              coalesce(a.n, 0) as assigned, coalesce(r.n, 0) as resolved, a.frt_median, coalesce(rp.n, 0) as replies
         from team_members tm
         join users u on u.id = tm.user_id
         left join assigned a on a.member_id = tm.id
         left join resolved r on r.member_id = tm.id
         left join replies rp on rp.user_id = tm.user_id
        where tm.business_id = ? ${scope.all ? '' : 'and tm.id = ?'}
          and (coalesce(tm.is_active, false) or a.n > 0 or r.n > 0 or rp.n > 0)
        order by coalesce(a.n, 0) desc, coalesce(rp.n, 0) desc, lower(coalesce(u.full_name, u.email)), tm.id`,
      [bounds.from, bounds.to, businessId, ...scope.params, businessId, businessId, ...(scope.all ? [] : [membership.member.id])],
    );
    return rows.map((r) => ({
      member_id: r.member_id,
      user_id: r.user_id,
      name: r.full_name || r.email || 'Team member',
      email: r.email,
      avatar_url: r.avatar_url,
      role: r.role,
      is_active: Boolean(r.is_active),
      conversations_assigned: num(r.assigned),
      conversations_resolved: num(r.resolved),
      first_response_median_seconds: seconds(r.frt_median),
      replies_sent: num(r.replies),
    }));
  }
}
