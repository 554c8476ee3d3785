import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { ROLE_PERMISSIONS } from '@crosschat/core';
import { startTestApi, call, type TestApi } from './harness.js';
import { createTestUser } from './users.js';
import { TenantFixtures } from './fixtures/tenants.js';

type MemberRole = 'admin' | 'manager' | 'agent' | 'limited_agent';

describe('team and invitations', () => {
  let api: TestApi;
  let mailDir: string;
  const db = new TenantFixtures();

  beforeAll(async () => {
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosschat-mail-'));
    api = await startTestApi({ mailDir, webPublicUrl: 'https://app.crosschat.test' });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
    fs.rmSync(mailDir, { recursive: true, force: true });
  });

  /** A business (inserted directly) with an owner signed in through a minted token. */
  async function tenant(name: string) {
    const owner = await createTestUser(api, { fullName: `${name} Owner` });
    const business = await db.business(name);
    const ownerMember = await db.member(business.id, owner.id, 'owner');
    return { business, owner, ownerMemberId: ownerMember.id };
  }

  async function member(businessId: string, role: MemberRole | 'owner', fullName = `${role} member`) {
    const user = await createTestUser(api, { fullName });
    const row = await db.member(businessId, user.id, role);
    return { ...user, memberId: row.id };
  }

  /** The newest invitation mail to `to`, parsed from the .eml MailService wrote. */
  async function invitationMail(to: string) {
    const files = fs.readdirSync(mailDir).filter((f) => f.endsWith(`-${to}.eml`)).sort();
    expect(files.length).toBeGreaterThan(0);
    const mail = await simpleParser(fs.readFileSync(path.join(mailDir, files[files.length - 1]!)));
    const link = /https:\/\/app\.crosschat\.test\/invitations\/([A-Za-z0-9_-]{32,})/.exec(mail.text ?? '');
    expect(link).not.toBeNull();
    return { mail, token: link![1]!, count: files.length };
  }

  it('invites by email; the invitee accepts through the mailed link and joins the team', async () => {
    const { business, owner } = await tenant('Invite Co');
    const invitee = await createTestUser(api, { fullName: 'Ivy Invitee' });
    const invite = await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email: `  ${invitee.email.toUpperCase()} `, role: 'agent' } });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ business_id: business.id, email: invitee.email, role: 'agent', invited_by: owner.id, accepted_at: null, revoked_at: null });
    expect(invite.body.token_hash).toBeUndefined();
    const ttl = (Date.parse(invite.body.expires_at) - Date.parse(invite.body.created_at)) / 1000;
    expect(Math.abs(ttl - api.settings.invitationTtlSeconds)).toBeLessThan(60);

    const { mail, token } = await invitationMail(invitee.email);
    expect(mail.to).toMatchObject({ text: invitee.email });
    expect(mail.subject).toBe('Invite Co Owner invited you to Invite Co on CrossChat');
    expect(mail.html).toContain(`href="https://app.crosschat.test/invitations/${token}"`);
    // Only the token's SHA-256 is stored.
    const stored = await db.query(`select token_hash from invitations where id = $1`, [invite.body.id]);
    expect(stored.rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect((await db.query(`select 1 from invitations where token_hash = $1`, [token])).rowCount).toBe(0);

    const pending = await call(api, 'GET', `/businesses/${business.id}/invitations`, { token: owner.token });
    expect(pending.body.map((i: any) => [i.id, i.email, i.role])).toEqual([[invite.body.id, invitee.email, 'agent']]);
    expect(pending.body[0].token_hash).toBeUndefined();

    const described = await call(api, 'GET', `/invitations/${token}`);
    expect(described.status).toBe(200);
    expect(described.body).toEqual({ business_id: business.id, business_name: 'Invite Co', email: invitee.email, role: 'agent', expires_at: invite.body.expires_at });

    const stranger = await createTestUser(api);
    const wrongUser = await call(api, 'POST', `/invitations/${token}/accept`, { token: stranger.token });
    expect(wrongUser.status).toBe(403);
    expect(wrongUser.body.message).toContain(invitee.email);
    expect((await call(api, 'POST', `/invitations/${token}/accept`)).status).toBe(401);

    const accepted = await call(api, 'POST', `/invitations/${token}/accept`, { token: invitee.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ business_id: business.id, member: { business_id: business.id, user_id: invitee.id, role: 'agent', is_active: true, permissions: ROLE_PERMISSIONS.agent } });
    expect(accepted.body.member.joined_at).toEqual(expect.any(String));

    const again = await call(api, 'POST', `/invitations/${token}/accept`, { token: invitee.token });
    expect(again.status).toBe(410);
    expect(again.body.message).toContain('already accepted');
    expect((await call(api, 'GET', `/invitations/${token}`)).status).toBe(410);
    expect((await call(api, 'GET', `/businesses/${business.id}/invitations`, { token: owner.token })).body).toEqual([]);

    const team = await call(api, 'GET', `/businesses/${business.id}/team`, { token: invitee.token });
    expect(team.status).toBe(200);
    expect(team.body.map((m: any) => [m.user.full_name, m.role])).toEqual([['Invite Co Owner', 'owner'], ['Ivy Invitee', 'agent']]);
    expect(team.body[1].user).toEqual({ id: invitee.id, email: invitee.email, full_name: 'Ivy Invitee', avatar_url: null, status: 'offline' });
    expect((await call(api, 'GET', '/businesses', { token: invitee.token })).body.map((b: any) => [b.id, b.role])).toEqual([[business.id, 'agent']]);
  });

  it('refuses to invite a member or someone already invited (409), and unknown tokens (404)', async () => {
    const { business, owner } = await tenant('Conflict Co');
    const agent = await member(business.id, 'agent');
    const asMember = await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email: agent.email.toUpperCase(), role: 'manager' } });
    expect(asMember.status).toBe(409);
    expect(asMember.body.message).toContain('already a member');
    const email = `twice-${Date.now()}@example.test`;
    expect((await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email, role: 'agent' } })).status).toBe(201);
    const twice = await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email, role: 'manager' } });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('pending invitation');
    expect((await call(api, 'GET', '/invitations/no-such-token-0000000000000000000000')).status).toBe(404);
    const stranger = await createTestUser(api);
    expect((await call(api, 'POST', '/invitations/no-such-token-0000000000000000000000/accept', { token: stranger.token })).status).toBe(404);
  });

  it('refuses expired and withdrawn invitations with 410 and a clear message', async () => {
    const { business, owner } = await tenant('Expiry Co');
    const invitee = await createTestUser(api);
    const first = await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email: invitee.email, role: 'manager' } });
    const { token: expiredToken } = await invitationMail(invitee.email);
    await db.query(`update invitations set expires_at = now() - interval '1 minute' where id = $1`, [first.body.id]);
    for (const res of [await call(api, 'GET', `/invitations/${expiredToken}`), await call(api, 'POST', `/invitations/${expiredToken}/accept`, { token: invitee.token })]) {
      expect(res.status).toBe(410);
      expect(res.body.message).toContain('expired');
    }
    expect((await call(api, 'GET', `/businesses/${business.id}/invitations`, { token: owner.token })).body).toEqual([]);

    // An expired invitation does not block a new one.
    const second = await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email: invitee.email, role: 'manager' } });
    expect(second.status).toBe(201);
    const { token: secondToken, count } = await invitationMail(invitee.email);
    expect(count).toBe(2);
    expect((await call(api, 'DELETE', `/businesses/${business.id}/invitations/${second.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await call(api, 'DELETE', `/businesses/${business.id}/invitations/${second.body.id}`, { token: owner.token })).status).toBe(404);
    const withdrawn = await call(api, 'POST', `/invitations/${secondToken}/accept`, { token: invitee.token });
    expect(withdrawn.status).toBe(410);
    expect(withdrawn.body.message).toContain('withdrawn');
    expect((await call(api, 'GET', `/businesses/${business.id}/team`, { token: owner.token })).body).toHaveLength(1);
    expect((await call(api, 'GET', `/businesses/${business.id}`, { token: invitee.token })).status).toBe(404);
  });

  it('stores no invitation when its email cannot be sent (503), so asking again works', async () => {
    const { business, owner } = await tenant('Mailless Co');
    const email = `unreached-${Date.now()}@example.test`;
    const broken = await startTestApi({ smtpUrl: 'smtp://127.0.0.1:1' });
    try {
      const res = await call(broken, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email, role: 'agent' } });
      expect(res.status).toBe(503);
      expect(res.body.message).toContain('could not be sent');
    } finally {
      await broken.close();
    }
    expect((await db.query(`select 1 from invitations where business_id = $1`, [business.id])).rowCount).toBe(0);
    expect((await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email, role: 'agent' } })).status).toBe(201);
  });

  it('escapes names in the invitation email', async () => {
    const { business, owner } = await tenant('<img src=x onerror=alert(1)> & Co');
    const invitee = `escape-${Date.now()}@example.test`;
    expect((await call(api, 'POST', `/businesses/${business.id}/team`, { token: owner.token, body: { email: invitee, role: 'agent' } })).status).toBe(201);
    const { mail } = await invitationMail(invitee);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
  });

  it('answers bad team input with 400 and field messages', async () => {
    const { business, owner, ownerMemberId } = await tenant('Validation Co');
    const agent = await member(business.id, 'agent');
    const bad = async (method: string, p: string, body?: unknown) => {
      const res = await call(api, method, p, { token: owner.token, body });
      expect([p, res.status]).toEqual([p, 400]);
      return JSON.stringify(res.body.message);
    };
    const invite = await bad('POST', `/businesses/${business.id}/team`, { email: 'not-an-email', role: 'owner', extra: true });
    for (const expected of ['email must be an email', 'role must be one of the following values: admin, manager, agent, limited_agent', 'property extra should not exist']) expect(invite).toContain(expected);
    expect(await bad('POST', `/businesses/${business.id}/team`, {})).toContain('email must be an email');
    expect(await bad('PATCH', `/businesses/${business.id}/team/${agent.memberId}`, { permissions: { rocket: { launch: true } } })).toContain('permissions.rocket is not a permission area');
    expect(await bad('PATCH', `/businesses/${business.id}/team/${agent.memberId}`, { permissions: { team: { fly: true } } })).toContain('permissions.team.fly is not an action of team');
    expect(await bad('PATCH', `/businesses/${business.id}/team/${agent.memberId}`, { permissions: { team: { invite: 'yes' } } })).toContain('permissions.team.invite must be true or false');
    expect(await bad('PATCH', `/businesses/${business.id}/team/${agent.memberId}`, { permissions: [] })).toContain('permissions must be an object');
    const several = await bad('PATCH', `/businesses/${business.id}/team/${agent.memberId}`, { is_active: 'no', title: 't'.repeat(101), role: 'owner' });
    for (const expected of ['is_active must be a boolean', 'title must be shorter than or equal to 100', 'property role should not exist']) expect(several).toContain(expected);
    expect(await bad('PATCH', `/businesses/${business.id}/team/${agent.memberId}/role`, { role: 'emperor' })).toContain('role must be one of the following values: owner, admin, manager, agent, limited_agent');
    expect(await bad('GET', `/businesses/${business.id}/team/not-a-uuid`)).toContain('uuid');
    expect(await bad('DELETE', `/businesses/${business.id}/invitations/not-a-uuid`)).toContain('uuid');
    const rows = await db.query(`select role, title, is_active, permissions from team_members where id = any($1) order by role`, [[agent.memberId, ownerMemberId]]);
    expect(rows.rows).toEqual([
      { role: 'agent', title: null, is_active: true, permissions: ROLE_PERMISSIONS.agent },
      { role: 'owner', title: null, is_active: true, permissions: ROLE_PERMISSIONS.owner },
    ]);
  });

  it('gets and updates a member; permission overrides stack until the role changes', async () => {
    const { business, owner } = await tenant('Profile Co');
    const agent = await member(business.id, 'agent', 'Agnes Agent');
    const got = await call(api, 'GET', `/businesses/${business.id}/team/${agent.memberId}`, { token: agent.token });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: agent.memberId, role: 'agent', user: { id: agent.id, full_name: 'Agnes Agent', email: agent.email } });
    expect((await call(api, 'GET', `/businesses/${business.id}/team/00000000-0000-4000-8000-000000000000`, { token: owner.token })).status).toBe(404);

    const first = await call(api, 'PATCH', `/businesses/${business.id}/team/${agent.memberId}`, { token: owner.token, body: { department: 'Support', title: 'Lead', permissions: { conversations: { assign: true } } } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ department: 'Support', title: 'Lead' });
    const second = await call(api, 'PATCH', `/businesses/${business.id}/team/${agent.memberId}`, { token: owner.token, body: { permissions: { customers: { delete: true } } } });
    expect(second.body.permissions).toEqual({
      ...ROLE_PERMISSIONS.agent,
      conversations: { ...ROLE_PERMISSIONS.agent.conversations, assign: true },
      customers: { ...ROLE_PERMISSIONS.agent.customers, delete: true },
    });
    expect(second.body).toMatchObject({ department: 'Support', title: 'Lead' });

    const promoted = await call(api, 'PATCH', `/businesses/${business.id}/team/${agent.memberId}/role`, { token: owner.token, body: { role: 'manager' } });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: 'manager', permissions: ROLE_PERMISSIONS.manager });

    const suspended = await call(api, 'PATCH', `/businesses/${business.id}/team/${agent.memberId}`, { token: owner.token, body: { is_active: false } });
    expect(suspended.body.is_active).toBe(false);
    expect((await call(api, 'GET', `/businesses/${business.id}`, { token: agent.token })).status).toBe(404);
  });

  it('enforces roles: who may invite, manage, grant and remove', async () => {
    const { business, owner, ownerMemberId } = await tenant('Roles Co');
    const admin = await member(business.id, 'admin');
    const manager = await member(business.id, 'manager');
    const agent = await member(business.id, 'agent');
    const limited = await member(business.id, 'limited_agent');
    const status = async (token: string, method: string, p: string, body?: unknown) => (await call(api, method, `/businesses/${business.id}${p}`, { token, body })).status;
    const email = () => `role-${Math.random().toString(36).slice(2)}@example.test`;

    // Inviting needs team.invite, and below owner only roles beneath one's own.
    expect(await status(agent.token, 'POST', '/team', { email: email(), role: 'limited_agent' })).toBe(403);
    expect(await status(limited.token, 'POST', '/team', { email: email(), role: 'limited_agent' })).toBe(403);
    expect(await status(agent.token, 'GET', '/invitations')).toBe(403);
    expect(await status(manager.token, 'POST', '/team', { email: email(), role: 'admin' })).toBe(403);
    expect(await status(manager.token, 'POST', '/team', { email: email(), role: 'manager' })).toBe(403);
    const byManager = await call(api, 'POST', `/businesses/${business.id}/team`, { token: manager.token, body: { email: email(), role: 'agent' } });
    expect(byManager.status).toBe(201);
    expect(await status(admin.token, 'POST', '/team', { email: email(), role: 'admin' })).toBe(403);
    expect(await status(owner.token, 'POST', '/team', { email: email(), role: 'admin' })).toBe(201);
    const adminInvite = (await call(api, 'GET', `/businesses/${business.id}/invitations`, { token: owner.token })).body.find((i: any) => i.role === 'admin');
    expect(await status(manager.token, 'DELETE', `/invitations/${adminInvite.id}`)).toBe(403);

    // Managing members needs team.edit / team.remove: managers and agents get 403.
    expect(await status(manager.token, 'PATCH', `/team/${agent.memberId}`, { title: 'x' })).toBe(403);
    expect(await status(manager.token, 'PATCH', `/team/${agent.memberId}/role`, { role: 'limited_agent' })).toBe(403);
    expect(await status(manager.token, 'DELETE', `/team/${agent.memberId}`)).toBe(403);
    expect(await status(agent.token, 'DELETE', `/team/${limited.memberId}`)).toBe(403);

    // Admins cannot touch an owner, make an owner, or hand out permissions they lack.
    expect(await status(admin.token, 'DELETE', `/team/${ownerMemberId}`)).toBe(403);
    expect(await status(admin.token, 'PATCH', `/team/${ownerMemberId}/role`, { role: 'agent' })).toBe(403);
    expect(await status(admin.token, 'PATCH', `/team/${ownerMemberId}`, { is_active: false })).toBe(403);
    expect(await status(admin.token, 'PATCH', `/team/${agent.memberId}/role`, { role: 'owner' })).toBe(403);
    expect(await status(admin.token, 'PATCH', `/team/${admin.memberId}/role`, { role: 'owner' })).toBe(403);
    expect(await status(admin.token, 'PATCH', `/team/${agent.memberId}`, { permissions: { billing: { edit: true } } })).toBe(403);
    expect(await status(admin.token, 'PATCH', `/team/${admin.memberId}`, { permissions: { billing: { edit: true } } })).toBe(403);
    expect(await status(admin.token, 'PATCH', `/team/${agent.memberId}`, { permissions: { conversations: { assign: true } } })).toBe(200);
    expect(await status(admin.token, 'PATCH', `/team/${agent.memberId}/role`, { role: 'manager' })).toBe(200);

    // The last owner can neither be demoted, suspended nor removed, not even by themselves.
    for (const [method, p, body] of [['PATCH', `/team/${ownerMemberId}/role`, { role: 'admin' }], ['PATCH', `/team/${ownerMemberId}`, { is_active: false }], ['DELETE', `/team/${ownerMemberId}`, undefined]] as const) {
      const res = await call(api, method, `/businesses/${business.id}${p}`, { token: owner.token, body });
      expect([method, p, res.status]).toEqual([method, p, 400]);
      expect(res.body.message).toContain('at least one owner');
    }
    const ownerRow = await db.query(`select role, is_active from team_members where id = $1`, [ownerMemberId]);
    expect(ownerRow.rows[0]).toEqual({ role: 'owner', is_active: true });

    // With a second owner the first may step down.
    expect(await status(owner.token, 'PATCH', `/team/${admin.memberId}/role`, { role: 'owner' })).toBe(200);
    expect(await status(owner.token, 'PATCH', `/team/${ownerMemberId}/role`, { role: 'admin' })).toBe(200);
    expect(await status(admin.token, 'PATCH', `/team/${admin.memberId}/role`, { role: 'admin' })).toBe(400);

    // Anyone may leave; removing others needs team.remove.
    expect(await status(limited.token, 'DELETE', `/team/${limited.memberId}`)).toBe(204);
    expect(await status(limited.token, 'GET', '')).toBe(404);
    expect(await status(admin.token, 'DELETE', `/team/${manager.memberId}`)).toBe(204);
    expect(await status(admin.token, 'GET', `/team/${manager.memberId}`)).toBe(404);
    const left = await call(api, 'GET', `/businesses/${business.id}/team`, { token: admin.token });
    expect(left.body.map((m: any) => m.role).sort()).toEqual(['admin', 'manager', 'owner']);
  });
});
