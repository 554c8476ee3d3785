import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';

/**
 * The product standard: bad input gets a clear 4xx with a message, never a 500, a crash or lost
 * data. Every route that takes a body or a query is sent, against ids of the caller's own
 * business: each field as null, as the wrong type and as a 100k-character string; bodies that
 * are not JSON or are a JSON array; garbage query parameters and path ids. A rejected request
 * must leave the rows it aims at as they were, and the reads afterwards must still work.
 *
 * Null is accepted only where it means something ("clear this", "unassign", "none"): those
 * fields are listed per route as `nullable`; everywhere else an optional field may be omitted,
 * not nulled.
 */

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'strings' | 'objects' | 'any';

const LONG = 'x'.repeat(100_000);
/** Per kind of field: values of the wrong type (and a 100k string where strings go). */
const WRONG: Record<Kind, [label: string, value: unknown][]> = {
  string: [['number', 12345], ['boolean', true], ['array', ['text']], ['object', { text: 'x' }], ['100k string', LONG], ['NUL character', 'before\u0000after'], ['broken Unicode', 'before\ud800after']],
  number: [['string', '12'], ['boolean', true], ['array', [1]], ['object', { n: 1 }], ['fraction', 1.5], ['huge', 1e308]],
  boolean: [['string', 'true'], ['number', 1], ['array', [true]], ['object', { b: true }]],
  object: [['array', ['a']], ['string', 'x'], ['number', 1], ['boolean', true], ['100k string', LONG], ['array of objects', [{}]], ['NUL in a key and a value', { 'a\u0000': 'b\u0000' }]],
  strings: [['object', { 0: 'a' }], ['string', 'a'], ['number', 1], ['[null]', [null]], ['[number]', [123]], ['[object]', [{}]], ['[100k string]', [LONG]], ['[NUL character]', ['before\u0000after']], ['[broken Unicode]', ['before\udc00after']]],
  objects: [['object', { 0: {} }], ['string', 'a'], ['number', 1], ['[null]', [null]], ['[number]', [123]], ['[string]', ['a']], ['[array]', [[]]]],
  any: [],
};

type Expect = 'reject' | 'accept' | 'any';
interface Case {
  label: string;
  expect: Expect;
  /** The body field the case breaks: a 400 must name it. */
  field?: string;
  /** A JSON body (stringified by `call`) or, with `raw`, the exact bytes sent. */
  body?: unknown;
  raw?: string | FormData;
  contentType?: string;
  query?: string;
  path?: string;
}

interface Route {
  method: string;
  /** Tells apart two routes on the same path. */
  name?: string;
  /** With :placeholders, filled from the fixture ids. */
  path: string;
  /** Who calls: the business owner (default), the widget visitor, a GoTrue user, or nobody. */
  as?: 'owner' | 'visitor' | 'authUser' | 'logoutUser' | 'none';
  gotrue?: boolean;
  /** A valid body; each case changes one field of it. */
  valid?: () => Record<string, unknown>;
  /** Dotted paths into the body (`config.title`, `messages.0.topic`) and their kind. */
  fields?: Record<string, Kind>;
  /** Fields where null means something and may be accepted. */
  nullable?: string[];
  /** A valid query (raw, already encoded); each query case changes one parameter. */
  query?: () => Record<string, string>;
  params?: Record<string, 'uuid' | 'text' | 'int' | 'enum' | 'cursor' | 'token'>;
  /** Query cases that may be answered either way (still never with a 5xx). */
  lenientQuery?: boolean;
  /** More cases specific to the route. */
  extra?: () => Case[];
  /** The rows a rejected request must leave untouched. */
  state?: () => Promise<unknown>;
  /** Reads that must still work after all the cases. */
  after?: () => Promise<void>;
  /** Whether to also send non-JSON bodies (default: when there is a body). */
  bodyCases?: boolean;
  /** Expectations of the whole-body cases that differ for this route, by case label. */
  bodyExpect?: Record<string, Expect>;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const root = structuredClone(target);
  const keys = dotted.split('.');
  let at: any = root;
  for (const key of keys.slice(0, -1)) at = at[key];
  at[keys[keys.length - 1]!] = value;
  return root;
}

/** Values are already encoded. */
const queryString = (params: Record<string, string>) => Object.entries(params).map(([k, v]) => `${k}=${v}`).join('&');
/** The body as JSON with a `__proto__` key first, the way an attacker would write it. */
const withProto = (body: Record<string, unknown>) => `{"__proto__":{"admin":true}${Object.keys(body).length ? `,${JSON.stringify(body).slice(1)}` : '}'}`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function bodyCases(route: Route): Case[] {
  const cases: Case[] = [];
  const valid = route.valid ?? (() => ({}));
  for (const [field, kind] of Object.entries(route.fields ?? {})) {
    cases.push({ label: `${field}: null`, field, body: setPath(valid(), field, null), expect: route.nullable?.includes(field) ? 'any' : 'reject' });
    for (const [label, value] of WRONG[kind]) cases.push({ label: `${field}: ${label}`, field, body: setPath(valid(), field, value), expect: 'reject' });
  }
  if (route.bodyCases ?? true) {
    cases.push(
      { label: 'broken JSON', raw: '{"name": ', expect: 'reject' },
      { label: 'JSON array', raw: JSON.stringify([valid()]), expect: 'reject' },
      { label: 'empty JSON array', raw: '[]', expect: 'reject' },
      { label: 'JSON string', raw: '"hello"', expect: 'reject' },
      { label: 'JSON null', raw: 'null', expect: 'reject' },
      { label: 'JSON number', raw: '42', expect: 'reject' },
      { label: 'unknown field', body: { ...valid(), nonsense: 1 }, expect: 'reject' },
      { label: 'prototype pollution', raw: withProto(valid()), expect: 'any' },
      { label: 'body over the size limit', raw: JSON.stringify({ ...valid(), padding: 'x'.repeat(300_000) }), expect: 'reject' },
      { label: 'form-encoded arrays and objects', raw: 'a=1&a=2&b[c]=d', contentType: 'application/x-www-form-urlencoded', expect: 'reject' },
      { label: 'text/plain body', raw: JSON.stringify(valid()), contentType: 'text/plain', expect: 'any' },
    );
    for (const c of cases) c.expect = route.bodyExpect?.[c.label] ?? c.expect;
  }
  return cases;
}

function queryCases(route: Route): Case[] {
  if (!route.params) return [];
  const valid = route.query ? route.query() : {};
  const qs = (entries: [string, string][]) => entries.map(([k, v]) => `${k}=${v}`).join('&'); // keeps repeated keys
  const base = Object.entries(valid);
  const without = (name: string) => base.filter(([k]) => k !== name);
  const cases: Case[] = [{ label: 'unknown parameter', query: qs([...base, ['nonsense', '1']]), expect: 'reject' }];
  for (const [name, kind] of Object.entries(route.params)) {
    const value = valid[name] ?? 'x';
    const garbage: [string, string, Expect][] = [
      ['repeated', `${value}&${name}=${value}`, 'reject'],
      ['NUL byte', 'before%00after', 'reject'],
      ['invalid UTF-8', '%ff%fe', kind === 'text' ? 'any' : 'reject'],
      ['5000 chars', 'y'.repeat(5000), 'reject'],
      ['empty', '', 'any'],
      ['quote', encodeURIComponent("'; drop table businesses; --"), kind === 'text' ? 'any' : 'reject'],
    ];
    // A huge page size may be refused or clamped.
    if (kind === 'int') garbage.push(['letters', 'abc', 'reject'], ['negative', '-1', 'reject'], ['fraction', '1.5', 'reject'], ['overflow', '1e400', 'reject'], ['huge', '99999999999999999999', 'any']);
    if (kind === 'cursor') {
      garbage.push(
        ['not base64 JSON', 'zzz', 'reject'],
        ['id not a uuid', b64({ at: '2024-01-01T00:00:00Z', id: 'nope' }), 'reject'],
        ['date Postgres cannot read', b64({ at: '1', id: randomUUID() }), 'reject'],
        ['far-future date', b64({ at: '+275760-09-13T00:00:00Z', id: randomUUID() }), 'reject'],
        ['wrong types', b64({ at: 5, id: [] }), 'reject'],
        ['JSON array', b64([]), 'reject'],
      );
    }
    for (const [label, raw, expect] of garbage) cases.push({ label: `${name}: ${label}`, query: qs([...without(name), [name, raw]]), expect });
    cases.push({ label: `${name}: bracketed`, query: qs([...without(name), [`${name}[x]`, value]]), expect: 'reject' });
  }
  if (route.lenientQuery) for (const c of cases) c.expect = 'any';
  return cases;
}

const PATH_GARBAGE = ['not-a-uuid', '%00', '%E2%80%AE', encodeURIComponent('../../etc/passwd'), 'z'.repeat(2000)];

function pathCases(route: Route, ids: Record<string, string>): Case[] {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const valid = route.valid?.();
  return names.flatMap((name) => [...PATH_GARBAGE, randomUUID()].map((garbage) => ({
    label: `:${name} = ${garbage.slice(0, 20)}`,
    path: fill(route.path, { ...ids, [name]: garbage }),
    ...(valid ? { body: valid } : {}),
    query: route.query ? queryString(route.query()) : undefined,
    expect: 'any' as const,
  })));
}

function fill(template: string, ids: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in ids)) throw new Error(`no fixture id for :${name}`);
    return ids[name]!;
  });
}

/** The error's text: `message` (a string, or one per field), or GoTrue's `msg`; null when there is none. */
function messageOf(body: unknown, gotrue: boolean): string | null {
  if (!body || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  const message = gotrue ? record.msg ?? record.message : record.message;
  if (typeof message === 'string' && message) return message;
  if (Array.isArray(message) && message.length && message.every((m) => typeof m === 'string' && m)) return message.join(' | ');
  return null;
}

/** `attachments.0.url` → `url`, `messages.0` → `messages`: what a clear message names. */
const leaf = (field: string) => field.split('.').filter((k) => !/^\d+$/.test(k)).pop()!;
/** Whether the message names the field, as `token_hash` or as GoTrue's "token hash". */
const names = (message: string, field: string) => [field, field.replace(/_/g, ' ')].some((f) => message.toLowerCase().includes(f.toLowerCase()));

describe('bad input gets a 4xx with a message, never a 500 or lost data', () => {
  const db = new TenantFixtures();
  const taskQueue = `bad-input-${randomUUID()}`;
  let api: TestApi;
  let temporal: Client;
  let mailDir: string;
  let uploadDir: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let attachment: { url: string; type: string; size: number; name: string; signed_url: string };

  /** A state reader; '$name' parameters stand for fixture ids, read when it runs. */
  const row = (sql: string, ...params: string[]) => async () =>
    (await db.query(sql, params.map((p) => (p.startsWith('$') ? ids[p.slice(1)] : p)))).rows;
  const ok = async (method: string, pathname: string, token = tokens.owner) => {
    const res = await call(api, method, pathname, { token });
    expect([`${method} ${pathname}`, res.status]).toEqual([`${method} ${pathname}`, 200]);
    return res.body;
  };

  beforeAll(async () => {
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosschat-bad-input-mail-'));
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosschat-bad-input-uploads-'));
    // No worker polls this queue: workflows started by accepted requests stay put.
    api = await startTestApi({ temporalTaskQueue: taskQueue, mailDir, uploadDir });
    temporal = new Client({ connection: await Connection.connect({ address: api.settings.temporalAddress }) });

    const tenant = await db.tenant('Bad Input Co');
    tokens.owner = tenant.owner.token;
    ids.business = tenant.business.id;
    ids.ownerMember = tenant.ownerMember.id;
    const agent = await db.user('Andy Agent');
    ids.member = (await db.member(ids.business, agent.id, 'agent')).id;
    ids.customer = (await db.customer(ids.business, 'Ada Lovelace')).id;
    ids.conversation = (await db.conversation(ids.business, ids.customer, { subject: 'Parcel' })).id;
    await db.customerMessage(ids.business, ids.conversation, 'Where is my parcel?');
    const authUser = await db.user('Gus GoTrue');
    tokens.authUser = authUser.token;
    ids.authUser = authUser.id;
    tokens.logoutUser = (await db.user('Lou Logout')).token;

    const form = new FormData();
    form.append('file', new Blob([Buffer.from('order 1234\n')], { type: 'text/plain' }), 'note.txt');
    const uploaded = await fetch(`${api.url}/attachments?business_id=${ids.business}`, { method: 'POST', headers: { authorization: `Bearer ${tokens.owner}` }, body: form });
    expect(uploaded.status).toBe(201);
    attachment = await uploaded.json() as typeof attachment;
    [, ids.attachmentBusiness, ids.attachmentFile] = /\/attachments\/([^/]+)\/([^/?]+)/.exec(attachment.url)!;

    const note = await call(api, 'POST', '/messages', { token: tokens.owner, body: { conversation_id: ids.conversation, content: 'Check the courier', is_internal_note: true } });
    expect(note.status).toBe(201);
    ids.message = note.body.id;
    const canned = await call(api, 'POST', `/businesses/${ids.business}/canned-responses`, { token: tokens.owner, body: { shortcut: 'thanks', content: 'Thank you!' } });
    expect(canned.status).toBe(201);
    ids.canned = canned.body.id;
    const widget = await call(api, 'POST', '/integrations/widget/connect', { token: tokens.owner, body: { business_id: ids.business, name: 'Visitors' } });
    expect(widget.status).toBe(201);
    ids.websiteToken = widget.body.platform_account_id;
    const edited = await call(api, 'POST', '/integrations/widget/connect', { token: tokens.owner, body: { business_id: ids.business, name: 'Edited' } });
    ids.integration = edited.body.id;
    const session = await call(api, 'POST', '/widget/v1/sessions', { body: { website_token: ids.websiteToken } });
    expect(session.status).toBe(200);
    tokens.visitor = session.body.visitor_token;
    const invite = await call(api, 'POST', `/businesses/${ids.business}/team`, { token: tokens.owner, body: { email: 'pending@example.test', role: 'agent' } });
    expect(invite.status).toBe(201);
    ids.invitation = invite.body.id;
    ids.notification = (await db.query<{ id: string }>(
      `insert into notifications (user_id, business_id, type, title, message) values ($1, $2, 'mention', 'Hi', 'There') returning id`, [tenant.owner.id, ids.business])).rows[0]!.id;
    ids.token = 'unknown-invitation-token';
    ids.topic = `business:${ids.business}`;
    ids.event = 'ping';
  }, 60_000);

  afterAll(async () => {
    const created = await db.query<{ id: string }>(`select id from businesses where name like 'Bad Input New%'`);
    for (const { id } of created.rows) await temporal.workflow.getHandle(`subscription:${id}`).terminate('test cleanup').catch(() => undefined);
    await temporal?.connection.close();
    await api?.close();
    await db.close();
    fs.rmSync(mailDir, { recursive: true, force: true });
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const business = row(`select name, slug, email, phone, website, settings, metadata from businesses where id = $1`, '$business');
  const conversation = row(`select status, assigned_to, subject, priority, tags, snoozed_until, resolved_at, total_messages from conversations where id = $1`, '$conversation');
  const customer = row(`select name, email, phone, notes, tags, metadata from customers where id = $1`, '$customer');
  const counts = row(`select
      (select count(*) from customers where business_id = $1) as customers,
      (select count(*) from messages where business_id = $1) as messages,
      (select count(*) from conversations where business_id = $1) as conversations,
      (select count(*) from invitations where business_id = $1) as invitations,
      (select count(*) from canned_responses where business_id = $1) as canned,
      (select count(*) from platform_integrations where business_id = $1) as integrations`, '$business');
  const authUser = row(`select email, encrypted_password, raw_user_meta_data from auth.users where id = $1`, '$authUser');
  const readsStillWork = async () => {
    await ok('GET', `/businesses/${ids.business}`);
    await ok('GET', `/conversations/${ids.conversation}`);
    await ok('GET', `/conversations?business_id=${ids.business}`);
    await ok('GET', `/customers/${ids.customer}`);
    const config = await call(api, 'GET', `/widget/v1/config?website_token=${ids.websiteToken}`);
    expect(config.status).toBe(200);
  };

  const routes: Route[] = [
    // ── Supabase-compatible auth (GoTrue error shape) ──
    {
      method: 'POST', path: '/auth/v1/signup', as: 'none', gotrue: true,
      valid: () => ({ email: `bad-input-signup-${randomUUID().slice(0, 8)}@example.test`, password: 'Sturdy-Password-42' }),
      fields: { email: 'string', password: 'string', data: 'object', gotrue_meta_security: 'object', code_challenge: 'string', code_challenge_method: 'string' },
      // supabase-js sends code_challenge(_method) as null outside PKCE; GoTrue reads the rest as absent.
      nullable: ['email', 'password', 'data', 'gotrue_meta_security', 'code_challenge', 'code_challenge_method'],
      query: () => ({ redirect_to: encodeURIComponent('https://app.example.test/welcome') }), params: { redirect_to: 'text' },
      state: row(`select count(*) from auth.users where email like 'bad-input-signup-%'`),
    },
    {
      method: 'POST', path: '/auth/v1/token', name: 'password', as: 'none', gotrue: true,
      valid: () => ({ email: 'nobody@example.test', password: 'not the password' }),
      fields: { email: 'string', password: 'string', gotrue_meta_security: 'object' },
      nullable: ['email', 'password', 'gotrue_meta_security'],
      query: () => ({ grant_type: 'password' }), params: { grant_type: 'enum' },
      state: authUser,
    },
    {
      method: 'POST', path: '/auth/v1/token', name: 'refresh_token', as: 'none', gotrue: true,
      valid: () => ({ refresh_token: 'not-a-refresh-token' }),
      fields: { refresh_token: 'string' }, nullable: ['refresh_token'],
      query: () => ({ grant_type: 'refresh_token' }),
    },
    {
      method: 'PUT', path: '/auth/v1/user', as: 'authUser', gotrue: true,
      valid: () => ({}),
      fields: { email: 'string', password: 'string', data: 'object', nonce: 'string', code_challenge: 'string', code_challenge_method: 'string' },
      nullable: ['email', 'password', 'data', 'nonce', 'code_challenge', 'code_challenge_method'],
      state: authUser,
    },
    {
      method: 'POST', path: '/auth/v1/logout', as: 'logoutUser', gotrue: true, bodyCases: false,
      query: () => ({ scope: 'local' }), params: { scope: 'enum' },
      extra: () => [{ label: 'unknown scope', query: 'scope=everyone', expect: 'reject' }],
    },
    {
      method: 'POST', path: '/auth/v1/recover', as: 'none', gotrue: true,
      valid: () => ({ email: 'nobody@example.test' }),
      fields: { email: 'string', gotrue_meta_security: 'object', code_challenge: 'string', code_challenge_method: 'string' },
      nullable: ['email', 'gotrue_meta_security', 'code_challenge', 'code_challenge_method'],
      query: () => ({ redirect_to: encodeURIComponent('https://app.example.test/reset') }), params: { redirect_to: 'text' },
    },
    {
      method: 'POST', path: '/auth/v1/verify', as: 'none', gotrue: true,
      valid: () => ({ type: 'recovery', token_hash: 'not-a-token' }),
      fields: { type: 'string', token_hash: 'string', token: 'string', email: 'string', gotrue_meta_security: 'object' },
      nullable: ['type', 'token_hash', 'token', 'email', 'gotrue_meta_security'],
    },

    // ── Businesses and settings ──
    {
      method: 'POST', path: '/businesses',
      valid: () => ({ name: 'Bad Input New', slug: `bad-input-${randomUUID().slice(0, 8)}`, email: 'hello@new.example', phone: '+1 555 0100', website: 'new.example', industry: 'Retail', team_size: '2-5', timezone: 'Europe/Lisbon' }),
      fields: { name: 'string', slug: 'string', email: 'string', phone: 'string', website: 'string', industry: 'string', team_size: 'string', timezone: 'string' },
      nullable: ['email', 'phone', 'website', 'industry', 'team_size'],
      state: row(`select count(*) from businesses where name like 'Bad Input New%'`), // suites run side by side: only ours
    },
    {
      method: 'PATCH', path: '/businesses/:business',
      valid: () => ({ name: 'Bad Input Co', email: 'hi@bad-input.example', phone: '+1 555 0101', website: 'bad-input.example' }),
      fields: { name: 'string', email: 'string', phone: 'string', website: 'string' },
      nullable: ['email', 'phone', 'website'],
      state: business, after: readsStillWork,
    },
    {
      method: 'PATCH', path: '/businesses/:business/settings',
      valid: () => ({
        timezone: 'UTC', greeting_message: 'Hello', away_message: 'Away', auto_resolve_after_seconds: 3600,
        working_hours: { enabled: false, schedule: { monday: { start: '09:00', end: '17:00' } } },
        auto_assignment: { enabled: true, type: 'round_robin', fallback_to_ai: false },
        notifications: { email: true, desktop: true, sound: true },
      }),
      fields: {
        timezone: 'string', greeting_message: 'string', away_message: 'string', auto_resolve_after_seconds: 'number',
        working_hours: 'object', 'working_hours.enabled': 'boolean', 'working_hours.schedule': 'object',
        'working_hours.schedule.monday': 'object', 'working_hours.schedule.monday.start': 'string', 'working_hours.schedule.monday.end': 'string',
        auto_assignment: 'object', 'auto_assignment.enabled': 'boolean', 'auto_assignment.type': 'string', 'auto_assignment.fallback_to_ai': 'boolean',
        notifications: 'object', 'notifications.email': 'boolean', 'notifications.desktop': 'boolean', 'notifications.sound': 'boolean',
      },
      nullable: ['greeting_message', 'away_message'],
      state: business, after: readsStillWork,
    },

    // ── Team and invitations ──
    {
      method: 'POST', path: '/businesses/:business/team',
      valid: () => ({ email: `invitee-${randomUUID().slice(0, 8)}@example.test`, role: 'agent' }),
      fields: { email: 'string', role: 'string' },
      state: counts,
    },
    {
      method: 'PATCH', path: '/businesses/:business/team/:member',
      valid: () => ({ department: 'Support', title: 'Agent', is_active: true, permissions: { conversations: { assign: true } } }),
      fields: { department: 'string', title: 'string', is_active: 'boolean', permissions: 'object', 'permissions.conversations': 'object', 'permissions.conversations.assign': 'boolean' },
      nullable: ['department', 'title'],
      state: row(`select role, department, title, is_active, permissions from team_members where id = $1`, '$member'),
      after: async () => { await ok('GET', `/businesses/${ids.business}/team/${ids.member}`); await ok('GET', `/businesses/${ids.business}/team`); },
    },
    {
      method: 'PATCH', path: '/businesses/:business/team/:member/role',
      valid: () => ({ role: 'agent' }), fields: { role: 'string' },
      state: row(`select role, permissions from team_members where id = $1`, '$member'),
    },

    // ── Canned responses ──
    {
      method: 'POST', path: '/businesses/:business/canned-responses',
      valid: () => ({ shortcut: `s-${randomUUID().slice(0, 8)}`, content: 'Saved reply' }),
      fields: { shortcut: 'string', content: 'string' },
      state: counts,
    },
    {
      method: 'PATCH', path: '/businesses/:business/canned-responses/:canned',
      valid: () => ({ shortcut: 'thanks', content: 'Thank you!' }),
      fields: { shortcut: 'string', content: 'string' },
      state: row(`select shortcut, content from canned_responses where id = $1`, '$canned'),
      after: async () => { await ok('GET', `/businesses/${ids.business}/canned-responses`); },
    },

    // ── Conversations ──
    {
      method: 'GET', path: '/conversations', bodyCases: false,
      query: () => ({ business_id: ids.business, status: 'open', assignee: 'all', platform: 'widget', tag: 'vip', priority: 'normal', q: 'parcel', customer_id: ids.customer, limit: '10' }),
      params: { business_id: 'uuid', status: 'enum', assignee: 'enum', platform: 'enum', tag: 'text', priority: 'enum', q: 'text', customer_id: 'uuid', cursor: 'cursor', limit: 'int' },
    },
    { method: 'GET', path: '/conversations/counts', bodyCases: false, query: () => ({ business_id: ids.business }), params: { business_id: 'uuid' } },
    { method: 'GET', path: '/conversations/:conversation/messages', bodyCases: false, query: () => ({ limit: '10' }), params: { cursor: 'cursor', limit: 'int' } },
    {
      method: 'PATCH', path: '/conversations/:conversation',
      valid: () => ({ subject: 'Parcel', priority: 'normal' }), fields: { subject: 'string', priority: 'string' },
      nullable: ['subject'],
      state: conversation, after: readsStillWork,
    },
    {
      method: 'POST', path: '/conversations/:conversation/assign',
      valid: () => ({ assigned_to: ids.ownerMember }), fields: { assigned_to: 'string' },
      nullable: ['assigned_to'], // unassigns
      state: conversation,
      extra: () => [{ label: 'assigned_to missing', body: {}, expect: 'reject' }],
    },
    {
      method: 'PATCH', path: '/conversations/:conversation/status',
      valid: () => ({ status: 'open' }), fields: { status: 'string', snoozed_until: 'string' },
      nullable: ['snoozed_until'], // not snoozed
      state: conversation, after: readsStillWork,
      extra: () => [
        { label: 'snoozed_until not a date', body: { status: 'pending', snoozed_until: 'tomorrow' }, expect: 'reject' },
        { label: 'snoozed_until beyond what Postgres stores', body: { status: 'pending', snoozed_until: '+275760-09-13T00:00:00Z' }, expect: 'reject' },
        { label: 'snoozed_until year 99999', body: { status: 'pending', snoozed_until: '99999-01-01' }, expect: 'reject' },
      ],
    },
    {
      method: 'POST', path: '/conversations/:conversation/tags',
      valid: () => ({ tags: ['vip'] }), fields: { tags: 'strings' },
      state: conversation,
      extra: () => [{ label: '51 tags', body: { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, expect: 'reject' }],
    },

    // ── Messages ──
    {
      method: 'POST', path: '/messages',
      valid: () => ({
        conversation_id: ids.conversation, content: 'A note', is_internal_note: true, content_type: 'text', mentions: [ids.member],
        attachments: [{ url: attachment.url, type: attachment.type, size: attachment.size, name: attachment.name }],
      }),
      fields: {
        conversation_id: 'string', content: 'string', content_type: 'string', is_internal_note: 'boolean', mentions: 'strings', attachments: 'objects',
        'attachments.0': 'object', 'attachments.0.url': 'string', 'attachments.0.type': 'string', 'attachments.0.size': 'number', 'attachments.0.name': 'string',
      },
      state: counts,
    },
    {
      method: 'PATCH', path: '/messages/:message',
      valid: () => ({ content: 'Check the courier' }), fields: { content: 'string' },
      state: row(`select content, metadata from messages where id = $1`, '$message'),
      after: async () => { await ok('GET', `/messages/${ids.message}`); },
    },

    // ── Customers ──
    {
      method: 'POST', path: '/customers',
      valid: () => ({ business_id: ids.business, name: 'New Customer', email: 'new@customer.test', phone: '+1 555 0102', tags: ['lead'], notes: 'Met at the fair' }),
      fields: { business_id: 'string', name: 'string', email: 'string', phone: 'string', tags: 'strings', notes: 'string' },
      nullable: ['name', 'email', 'phone', 'notes'],
      state: counts,
    },
    {
      method: 'GET', path: '/customers', bodyCases: false,
      query: () => ({ business_id: ids.business, q: 'ada', tag: 'vip', limit: '10' }),
      params: { business_id: 'uuid', q: 'text', tag: 'text', cursor: 'cursor', limit: 'int' },
    },
    {
      method: 'PATCH', path: '/customers/:customer',
      valid: () => ({ name: 'Ada Lovelace', email: 'ada@customer.test', phone: '+1 555 0103', notes: 'Prefers email' }),
      fields: { name: 'string', email: 'string', phone: 'string', notes: 'string' },
      nullable: ['name', 'email', 'phone', 'notes'],
      state: customer, after: readsStillWork,
    },
    { method: 'POST', path: '/customers/:customer/notes', valid: () => ({ text: 'Called back' }), fields: { text: 'string' }, state: customer },
    { method: 'POST', path: '/customers/:customer/tags', valid: () => ({ tags: ['vip'] }), fields: { tags: 'strings' }, state: customer },

    // ── Integrations ──
    { method: 'GET', path: '/integrations', bodyCases: false, query: () => ({ business_id: ids.business }), params: { business_id: 'uuid' } },
    {
      method: 'POST', path: '/integrations/widget/connect',
      valid: () => ({ business_id: ids.business, name: 'Site', config: { title: 'Talk to us', greeting_message: 'Hi', pre_chat_form: { enabled: true, require_email: true } } }),
      fields: {
        business_id: 'string', name: 'string', config: 'object', 'config.title': 'string', 'config.greeting_message': 'string',
        'config.pre_chat_form': 'object', 'config.pre_chat_form.enabled': 'boolean', 'config.pre_chat_form.require_email': 'boolean',
      },
      nullable: ['name', 'config.greeting_message'],
      state: counts,
    },
    {
      method: 'PATCH', path: '/integrations/:integration',
      valid: () => ({
        platform_account_name: 'Edited', is_active: true,
        config: { title: 'Talk to us', subtitle: 'Fast', greeting_message: 'Hello', away_message: 'Away', color: '#123456', position: 'bottom-left', pre_chat_form: { enabled: false, require_email: false }, identity_verification: false },
      }),
      fields: {
        platform_account_name: 'string', is_active: 'boolean', config: 'object', 'config.title': 'string', 'config.subtitle': 'string',
        'config.greeting_message': 'string', 'config.away_message': 'string', 'config.color': 'string', 'config.position': 'string',
        'config.pre_chat_form': 'object', 'config.pre_chat_form.enabled': 'boolean', 'config.pre_chat_form.require_email': 'boolean', 'config.identity_verification': 'boolean',
      },
      nullable: ['platform_account_name', 'config.greeting_message', 'config.away_message'],
      state: row(`select platform_account_name, is_active, config from platform_integrations where id = $1`, '$integration'),
      after: async () => { await ok('GET', `/integrations/${ids.integration}`); },
    },

    // ── Notifications ──
    { method: 'GET', path: '/notifications', bodyCases: false, query: () => ({ business_id: ids.business }), params: { business_id: 'uuid' } },

    // ── Attachments ──
    {
      method: 'POST', path: '/attachments', bodyCases: false,
      query: () => ({ business_id: ids.business }), params: { business_id: 'uuid' },
      extra: () => {
        const form = (field: string, files = 1) => {
          const f = new FormData();
          for (let i = 0; i < files; i++) f.append(field, new Blob([Buffer.from('hello\n')], { type: 'text/plain' }), `n${i}.txt`);
          return f;
        };
        const q = `business_id=${ids.business}`;
        return [
          { label: 'no file, JSON body', query: q, body: { file: 'x' }, expect: 'reject' },
          { label: 'file under another field name', query: q, raw: form('upload'), expect: 'reject' },
          { label: 'two files', query: q, raw: form('file', 2), expect: 'reject' },
          { label: 'multipart without a boundary', query: q, raw: 'garbage', contentType: 'multipart/form-data', expect: 'reject' },
          { label: 'truncated multipart', query: q, raw: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhel', contentType: 'multipart/form-data; boundary=xyz', expect: 'reject' },
        ];
      },
    },
    {
      // A signed link: the signature decides; a garbled or extra parameter is a 403 or ignored, never a 500.
      method: 'GET', path: '/attachments/:attachmentBusiness/:attachmentFile', as: 'none', bodyCases: false, lenientQuery: true,
      query: () => Object.fromEntries(Array.from(new URL(attachment.signed_url).searchParams, ([k, v]) => [k, encodeURIComponent(v)])),
      params: { expires: 'token', sig: 'token', type: 'token', name: 'text' },
    },

    // ── Website widget (visitor side) ──
    { method: 'GET', path: '/widget/v1/config', as: 'none', bodyCases: false, query: () => ({ website_token: ids.websiteToken }), params: { website_token: 'token' } },
    {
      method: 'POST', path: '/widget/v1/sessions', as: 'none',
      valid: () => ({ website_token: ids.websiteToken, visitor_token: tokens.visitor }),
      fields: { website_token: 'string', visitor_token: 'string' },
      nullable: ['visitor_token'], // a new visitor
      state: counts,
    },
    {
      method: 'POST', path: '/widget/v1/identify', as: 'visitor',
      valid: () => ({ name: 'Vera Visitor', email: 'vera@visitor.test' }),
      fields: { name: 'string', email: 'string', user_id: 'string', identifier_hash: 'string' },
      nullable: ['name', 'email'], // left as they are
      state: counts,
      after: async () => { expect((await call(api, 'GET', '/widget/v1/conversation', { token: tokens.visitor })).status).toBe(200); },
    },
    {
      method: 'POST', path: '/widget/v1/messages', as: 'visitor',
      valid: () => ({ content: 'Hello?', client_message_id: randomUUID() }),
      fields: { content: 'string', client_message_id: 'string' },
      state: counts,
    },

    // ── Realtime REST broadcast ──
    {
      method: 'POST', path: '/realtime/v1/api/broadcast',
      valid: () => ({ messages: [{ topic: `business:${ids.business}`, event: 'ping', payload: { a: 1 }, private: true }] }),
      fields: { messages: 'objects', 'messages.0': 'object', 'messages.0.topic': 'string', 'messages.0.event': 'string', 'messages.0.payload': 'any', 'messages.0.private': 'boolean' },
      extra: () => ['conversation:not-a-uuid', 'typing:%00', 'presence:zzz', 'user:', 'business:not-a-uuid', `conversation:${randomUUID()}`].map((topic) => ({
        label: `topic ${topic}`, body: { messages: [{ topic, event: 'ping', payload: {} }] }, expect: 'reject' as const,
      })),
    },
    {
      method: 'POST', path: '/realtime/v1/api/broadcast/:topic/events/:event',
      valid: () => ({ a: 1 }),
      // The payload is any JSON value the sender likes.
      bodyExpect: { 'JSON array': 'accept', 'empty JSON array': 'accept', 'unknown field': 'accept' },
      extra: () => [{ label: 'form body', raw: 'a=1', contentType: 'application/x-www-form-urlencoded', expect: 'reject' }],
    },
  ];

  /** Routes without a body or query: only their path ids get garbage. */
  const pathOnly: Route[] = [
    { method: 'GET', path: '/businesses/:business' },
    { method: 'GET', path: '/businesses/:business/team/:member' },
    { method: 'DELETE', path: '/businesses/:business/invitations/:invitation' },
    { method: 'DELETE', path: '/businesses/:business/canned-responses/:canned' },
    { method: 'GET', path: '/conversations/:conversation' },
    { method: 'POST', path: '/conversations/:conversation/read' },
    { method: 'DELETE', path: '/conversations/:conversation/tags/:tag' },
    { method: 'GET', path: '/messages/:message' },
    { method: 'POST', path: '/messages/:message/read' },
    { method: 'POST', path: '/messages/:message/retry' },
    { method: 'GET', path: '/customers/:customer' },
    { method: 'GET', path: '/customers/:customer/conversations' },
    { method: 'GET', path: '/integrations/:integration' },
    { method: 'POST', path: '/integrations/:integration/secret' },
    { method: 'GET', path: '/notifications/:notification' },
    { method: 'PATCH', path: '/notifications/:notification/read' },
    { method: 'GET', path: '/invitations/:token', as: 'none' },
    { method: 'POST', path: '/invitations/:token/accept' },
  ];

  async function send(route: Route, c: Case): Promise<{ status: number; body: any }> {
    const who = route.as ?? 'owner';
    const token = who === 'none' ? undefined : tokens[who];
    const pathname = c.path ?? fill(route.path, { ...ids, tag: 'vip' });
    // Body cases go with the route's valid query (a grant type, a business id).
    const query = c.query ?? (route.query ? queryString(route.query()) : undefined);
    const url = `${pathname}${query ? `?${query}` : ''}`;
    if (c.raw instanceof FormData) {
      const res = await fetch(api.url + url, { method: route.method, headers: token ? { authorization: `Bearer ${token}` } : {}, body: c.raw });
      const text = await res.text();
      let body: unknown = text;
      try { body = JSON.parse(text); } catch { /* keep text */ }
      return { status: res.status, body };
    }
    const headers = c.contentType ? { 'content-type': c.contentType } : undefined;
    if (c.raw !== undefined) return call(api, route.method, url, { token, body: c.raw, headers: { 'content-type': 'application/json', ...headers } });
    return call(api, route.method, url, { token, body: c.body, headers });
  }

  /** Runs the cases; returns one line per broken promise so a failure lists every offending input. */
  async function check(route: Route, cases: Case[]): Promise<string[]> {
    const problems: string[] = [];
    const state = route.state;
    for (const c of cases) {
      const before = state ? await state() : undefined;
      const res = await send(route, c);
      const where = `${c.label} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 160)}`;
      if (res.status >= 500) problems.push(`5xx: ${where}`);
      else if (c.expect === 'reject' && res.status < 400) problems.push(`accepted: ${where}`);
      else if (c.expect === 'accept' && res.status >= 300) problems.push(`rejected: ${where}`);
      const message = messageOf(res.body, !!route.gotrue);
      if (res.status >= 400 && res.status < 500 && !message) problems.push(`no message: ${where}`);
      if (res.status === 400 && c.expect === 'reject' && c.field && message && !names(message, leaf(c.field))) problems.push(`message does not name ${leaf(c.field)}: ${where}`);
      if (res.status >= 400 && state) {
        const after = await state();
        if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`changed rows: ${c.label} → ${res.status}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`.slice(0, 400));
      }
    }
    return problems;
  }

  const label = (route: Route) => `${route.method} ${route.path}${route.name ? ` (${route.name})` : ''}`;

  it.each(routes.map((r) => [label(r), r] as const))('%s: fields, bodies and query', async (_, route) => {
    const problems = await check(route, [...bodyCases(route), ...queryCases(route), ...(route.extra?.() ?? [])]);
    expect(problems).toEqual([]);
    await route.after?.();
  });

  it.each([...routes, ...pathOnly].filter((r) => r.path.includes(':')).map((r) => [label(r), r] as const))('%s: garbage path ids', async (_, route) => {
    expect(await check(route, pathCases(route, { ...ids, tag: 'vip' }))).toEqual([]);
  });

  it('the business and its conversation still read fine after all of it', async () => {
    await readsStillWork();
    const settings = (await db.query(`select settings from businesses where id = $1`, [ids.business])).rows[0].settings;
    for (const key of ['timezone', 'working_hours', 'auto_assignment', 'notifications']) expect([key, settings[key]]).toEqual([key, expect.anything()]);
  });
});
