import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';

/** Reads the newest .eml sent to `to` and returns the invitation token in its link. */
function invitationTokenFor(mailDir: string, to: string): string {
  const files = fs.readdirSync(mailDir).filter((f) => f.endsWith(`${to}.eml`)).sort();
  expect(files.length).toBeGreaterThan(0);
  const eml = fs.readFileSync(path.join(mailDir, files[files.length - 1]!), 'utf8').replace(/=\r?\n/g, '');
  const token = /\/invitations\/([A-Za-z0-9_-]{20,})/.exec(eml)?.[1];
  expect(token).toEqual(expect.any(String));
  return token!;
}

describe('businesses, team and invitations', () => {
  let api: TestApi;
  let mailDir: string;
  let temporal: Client;
  const db = new TenantFixtures();
  const taskQueue = `no-worker-${randomUUID()}`;

  beforeAll(async () => {
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosschat-mail-'));
    api = await startTestApi({ mailDir, temporalTaskQueue: taskQueue });
    temporal = new Client({ connection: await Connection.connect({ address: api.settings.temporalAddress }) });
  });
  afterAll(async () => {
    await temporal.connection.close();
    await api.close();
    await db.close();
  });

  it('creates a business with the caller as owner, a trial and its subscription workflow', async () => {
    const owner = await db.user('Olivia Owner');
    const res = await call(api, 'POST', '/businesses', { token: owner.token, body: { name: 'Café Olé & Co', timezone: 'Europe/Lisbon', industry: 'Retail', team_size: '2-5' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Café Olé & Co', role: 'owner', subscription_status: 'trial', plan_type: 'starter' });
    expect(res.body.slug).toMatch(/^cafe-ole-co/);
    expect(res.body.settings.timezone).toBe('Europe/Lisbon');
    expect(res.body.metadata).toEqual({ industry: 'Retail', team_size: '2-5' });
    expect(Date.parse(res.body.trial_ends_at)).toBeGreaterThan(Date.now());
    const handle = temporal.workflow.getHandle(`subscription:${res.body.id}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await handle.terminate('test cleanup');
    const again = await call(api, 'POST', '/businesses', { token: owner.token, body: { name: 'Café Olé & Co' } });
    expect(again.status).toBe(201);
    expect(again.body.slug).not.toBe(res.body.slug);
    const taken = await call(api, 'POST', '/businesses', { token: owner.token, body: { name: 'Other', slug: res.body.slug } });
    expect(taken.status).toBe(409);
    const list = await call(api, 'GET', '/businesses', { token: owner.token });
    expect(list.body.map((b: any) => b.id)).toEqual([res.body.id, again.body.id]);
    await temporal.workflow.getHandle(`subscription:${again.body.id}`).terminate('test cleanup');
  });

  it('validates input with field messages', async () => {
    const owner = await db.user();
    const res = await call(api, 'POST', '/businesses', { token: owner.token, body: { name: 'x', slug: 'Bad Slug!', timezone: 'Mars/Olympus', website: 'not a url', extra: 1 } });
    expect(res.status).toBe(400);
    const text = (res.body.message as string[]).join(' | ');
    for (const field of ['name', 'slug', 'timezone', 'website', 'extra']) expect(text).toContain(field);
    const { business, owner: o } = await db.tenant('Validate Co');
    const bad = await call(api, 'PATCH', `/businesses/${business.id}/settings`, { token: o.token, body: { working_hours: { schedule: { monday: { start: '9am', end: '17:00' } } } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('start must be HH:MM');
  });

  it('updates profile and deep-merges settings; only the owner deletes', async () => {
    const { business, owner } = await db.tenant('Settings Co');
    const admin = await db.user('Adam Admin');
    await db.member(business.id, admin.id, 'admin');
    const agent = await db.user('Agnes Agent');
    await db.member(business.id, agent.id, 'agent');
    const patched = await call(api, 'PATCH', `/businesses/${business.id}`, { token: admin.token, body: { name: 'Settings Company', website: 'settings.example' } });
    expect(patched.body).toMatchObject({ name: 'Settings Company', website: 'settings.example' });
    const settings = await call(api, 'PATCH', `/businesses/${business.id}/settings`, { token: admin.token, body: { timezone: 'Asia/Tokyo', working_hours: { schedule: { sunday: { start: '10:00', end: '14:00' } } }, notifications: { sound: false } } });
    expect(settings.status).toBe(200);
    expect(settings.body.settings.timezone).toBe('Asia/Tokyo');
    expect(settings.body.settings.working_hours.schedule.sunday).toEqual({ start: '10:00', end: '14:00' });
    expect(settings.body.settings.working_hours.schedule.monday).toEqual({ start: '09:00', end: '17:00' });
    expect(settings.body.settings.notifications).toEqual({ email: true, desktop: true, sound: false });
    expect((await call(api, 'PATCH', `/businesses/${business.id}`, { token: agent.token, body: { name: 'Nope' } })).status).toBe(403);
    expect((await call(api, 'PATCH', `/businesses/${business.id}/settings`, { token: agent.token, body: { timezone: 'UTC' } })).status).toBe(403);
    expect((await call(api, 'DELETE', `/businesses/${business.id}`, { token: admin.token })).status).toBe(403);
    expect((await call(api, 'DELETE', `/businesses/${business.id}`, { token: owner.token })).status).toBe(204);
    expect((await call(api, 'GET', `/businesses/${business.id}`, { token: owner.token })).status).toBe(404);
    expect((await call(api, 'GET', '/businesses', { token: owner.token })).body).toEqual([]);
  });

  it('invites by email; the invitee accepts and joins the team', async () => {
    const { business, owner } = await db.tenant('Invite Co');
    const invitee = await db.user('Ivy Invitee');
    const invite = await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email: invitee.email.toUpperCase(), role: 'agent' } });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email: invitee.email, role: 'agent' });
    expect(invite.body.token_hash).toBeUndefined();
    expect((await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email: invitee.email, role: 'agent' } })).status).toBe(409);
    const pending = await call(api, 'GET', `/businesses/${business.id}/invitations`, { token: owner.token });
    expect(pending.body.map((i: any) => i.email)).toEqual([invitee.email]);
    const token = invitationTokenFor(mailDir, invitee.email);
    const described = await call(api, 'GET', `/invitations/${token}`);
    expect(described.body).toMatchObject({ business_name: 'Invite Co', role: 'agent', email: invitee.email });
    const stranger = await db.user();
    expect((await call(api, 'POST', `/invitations/${token}/accept`, { token: stranger.token })).status).toBe(403);
    const accepted = await call(api, 'POST', `/invitations/${token}/accept`, { token: invitee.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.business_id).toBe(business.id);
    expect((await call(api, 'POST', `/invitations/${token}/accept`, { token: invitee.token })).status).toBe(410);
    const team = await call(api, 'GET', `/businesses/${business.id}/team`, { token: invitee.token });
    expect(team.body.map((m: any) => [m.user.full_name, m.role])).toEqual([['Invite Co Owner', 'owner'], ['Ivy Invitee', 'agent']]);
    expect((await call(api, 'POST', `/businesses/${business.id}/team`, { token: invitee.token, body: { email: 'x@example.test', role: 'agent' } })).status).toBe(403);
  });

  it('refuses expired and revoked invitations', async () => {
    const { business, owner } = await db.tenant('Expiry Co');
    const invitee = await db.user();
    const invite = await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email: invitee.email, role: 'manager' } });
    const token = invitationTokenFor(mailDir, invitee.email);
    await db.query(`update invitations set expires_at = now() - interval '1 minute' where id = $1`, [invite.body.id]);
    const expired = await call(api, 'POST', `/invitations/${token}/accept`, { token: invitee.token });
    expect(expired.status).toBe(410);
    expect(expired.body.message).toContain('expired');
    const second = await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email: invitee.email, role: 'manager' } });
    expect(second.status).toBe(201);
    const secondToken = invitationTokenFor(mailDir, invitee.email);
    expect((await call(api, 'DELETE', `/businesses/${business.id}/invitations/${second.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await call(api, 'POST', `/invitations/${secondToken}/accept`, { token: invitee.token })).status).toBe(410);
  });

  it('role rules: the last owner is protected and admins cannot touch owners', async () => {
    const { business, owner, ownerMember } = await db.tenant('Roles Co');
    const admin = await db.user('Ann Admin');
    const adminMember = await db.member(business.id, admin.id, 'admin');
    const agent = await db.user();
    const agentMember = await db.member(business.id, agent.id, 'agent');
    expect((await call(api, 'DELETE', `/businesses/${business.id}/team/${ownerMember.id}`, { token: admin.token })).status).toBe(403);
    expect((await call(api, 'PATCH', `/businesses/${business.id}/team/${ownerMember.id}/role`, { token: admin.token, body: { role: 'agent' } })).status).toBe(403);
    expect((await call(api, 'PATCH', `/businesses/${business.id}/team/${agentMember.id}/role`, { token: admin.token, body: { role: 'owner' } })).status).toBe(403);
    expect((await call(api, 'PATCH', `/businesses/${business.id}/team/${ownerMember.id}/role`, { token: owner.token, body: { role: 'admin' } })).status).toBe(400);
    expect((await call(api, 'DELETE', `/businesses/${business.id}/team/${ownerMember.id}`, { token: owner.token })).status).toBe(400);
    const promoted = await call(api, 'PATCH', `/businesses/${business.id}/team/${agentMember.id}/role`, { token: admin.token, body: { role: 'manager' } });
    expect(promoted.body).toMatchObject({ role: 'manager' });
    expect(promoted.body.permissions.team.invite).toBe(true);
    const titled = await call(api, 'PATCH', `/businesses/${business.id}/team/${agentMember.id}`, { token: admin.token, body: { title: 'Support lead', permissions: { billing: { view: true } } } });
    expect(titled.body).toMatchObject({ title: 'Support lead' });
    expect(titled.body.permissions.billing.view).toBe(true);
    expect((await call(api, 'PATCH', `/businesses/${business.id}/team/${agentMember.id}`, { token: admin.token, body: { permissions: { rocket: { launch: true } } } })).status).toBe(400);
    expect((await call(api, 'PATCH', `/businesses/${business.id}/team/${adminMember.id}/role`, { token: owner.token, body: { role: 'owner' } })).status).toBe(200);
    expect((await call(api, 'PATCH', `/businesses/${business.id}/team/${ownerMember.id}/role`, { token: owner.token, body: { role: 'admin' } })).status).toBe(200);
    expect((await call(api, 'DELETE', `/businesses/${business.id}/team/${agentMember.id}`, { token: admin.token })).status).toBe(204);
  });

  it('another business sees 404 on every business, team and invitation endpoint, and nothing changes', async () => {
    const a = await db.tenant('Tenant A');
    const b = await db.tenant('Tenant B');
    const invite = await call(api, 'POST', `/businesses/${a.business.id}/team`, { token: a.owner.token, body: { email: `pending-${randomUUID().slice(0, 6)}@example.test`, role: 'agent' } });
    const before = await db.query(`select name, settings, deleted_at from businesses where id = $1`, [a.business.id]);
    const id = a.business.id;
    const m = a.ownerMember.id;
    const t = b.owner.token;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/businesses/${id}`], ['PATCH', `/businesses/${id}`, { name: 'pwned' }], ['PATCH', `/businesses/${id}/settings`, { timezone: 'UTC' }],
      ['DELETE', `/businesses/${id}`], ['GET', `/businesses/${id}/team`], ['POST', `/businesses/${id}/team`, { email: 'evil@example.test', role: 'admin' }],
      ['GET', `/businesses/${id}/team/${m}`], ['PATCH', `/businesses/${id}/team/${m}`, { title: 'x' }], ['PATCH', `/businesses/${id}/team/${m}/role`, { role: 'agent' }],
      ['DELETE', `/businesses/${id}/team/${m}`], ['GET', `/businesses/${id}/invitations`], ['DELETE', `/businesses/${id}/invitations/${invite.body.id}`],
      // B's own business with A's member id: still not found.
      ['GET', `/businesses/${b.business.id}/team/${m}`], ['PATCH', `/businesses/${b.business.id}/team/${m}/role`, { role: 'agent' }],
      ['DELETE', `/businesses/${b.business.id}/team/${m}`], ['DELETE', `/businesses/${b.business.id}/invitations/${invite.body.id}`],
    ];
    for (const [method, p, body] of attempts) {
      const res = await call(api, method, p, { token: t, body });
      expect(`${method} ${p} → ${res.status}`).toBe(`${method} ${p} → 404`);
    }
    expect((await call(api, 'GET', '/businesses', { token: t })).body.map((x: any) => x.id)).toEqual([b.business.id]);
    const after = await db.query(`select name, settings, deleted_at from businesses where id = $1`, [a.business.id]);
    expect(after.rows).toEqual(before.rows);
    expect((await db.query(`select count(*)::int as n from team_members where business_id = $1`, [id])).rows[0].n).toBe(1);
    expect((await db.query(`select revoked_at from invitations where id = $1`, [invite.body.id])).rows[0].revoked_at).toBeNull();
  });
});
