import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { DEFAULT_BUSINESS_SETTINGS, ROLE_PERMISSIONS } from '@crosschat/core';
import { startTestApi, call, type TestApi } from './harness.js';
import { createTestUser, type TestUser } from './users.js';
import { TenantFixtures } from './fixtures/tenants.js';

const TRIAL_SECONDS = 7 * 24 * 3600;

describe('businesses', () => {
  let api: TestApi;
  let temporal: Client;
  const db = new TenantFixtures();
  const created: string[] = [];
  // No worker polls this queue: workflows start and stay put, and are terminated afterwards.
  const taskQueue = `no-worker-${randomUUID()}`;

  async function createBusiness(owner: TestUser, body: Record<string, unknown>) {
    const res = await call(api, 'POST', '/businesses', { token: owner.token, body });
    if (res.status === 201) created.push(res.body.id);
    return res;
  }

  async function addMember(businessId: string, role: 'admin' | 'manager' | 'agent' | 'limited_agent', fullName = `${role} member`) {
    const user = await createTestUser(api, { fullName });
    const member = await db.member(businessId, user.id, role);
    return { ...user, memberId: member.id };
  }

  beforeAll(async () => {
    api = await startTestApi({ temporalTaskQueue: taskQueue, trialSeconds: TRIAL_SECONDS });
    temporal = new Client({ connection: await Connection.connect({ address: api.settings.temporalAddress }) });
  });
  afterAll(async () => {
    for (const id of created) await temporal.workflow.getHandle(`subscription:${id}`).terminate('test cleanup').catch(() => undefined);
    await temporal.connection.close();
    await api.close();
    await db.close();
  });

  it('creates a business with the caller as owner, a trial, default settings and its subscription workflow', async () => {
    const owner = await createTestUser(api, { fullName: 'Olivia Owner' });
    const res = await createBusiness(owner, { name: '  Café Olé & Co ', timezone: 'Europe/Lisbon', industry: 'Retail', team_size: '2-5', email: 'hello@cafe.example', website: 'cafe.example' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Café Olé & Co', role: 'owner', subscription_status: 'trial', plan_type: 'starter',
      email: 'hello@cafe.example', website: 'cafe.example', deleted_at: null,
      metadata: { industry: 'Retail', team_size: '2-5' },
      settings: { ...DEFAULT_BUSINESS_SETTINGS, timezone: 'Europe/Lisbon' },
    });
    expect(res.body.slug).toBe(res.body.slug.toLowerCase());
    expect(res.body.slug).toMatch(/^cafe-ole-co(-[0-9a-f]+)?$/);
    const trialSeconds = (Date.parse(res.body.trial_ends_at) - Date.parse(res.body.created_at)) / 1000;
    expect(Math.abs(trialSeconds - TRIAL_SECONDS)).toBeLessThan(60);

    const team = await call(api, 'GET', `/businesses/${res.body.id}/team`, { token: owner.token });
    expect(team.body).toHaveLength(1);
    expect(team.body[0]).toMatchObject({ user_id: owner.id, role: 'owner', is_active: true, permissions: ROLE_PERMISSIONS.owner, user: { id: owner.id, email: owner.email, full_name: 'Olivia Owner' } });
    expect(team.body[0].joined_at).toEqual(expect.any(String));

    const workflow = await temporal.workflow.getHandle(`subscription:${res.body.id}`).describe();
    expect(workflow.status.name).toBe('RUNNING');
    expect(workflow.taskQueue).toBe(taskQueue);
  });

  it('makes generated slugs unique and refuses a taken explicit slug with 409', async () => {
    const owner = await createTestUser(api);
    const name = `Slug Test ${randomUUID().slice(0, 6)}`;
    const first = await createBusiness(owner, { name });
    const second = await createBusiness(owner, { name });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.slug).toMatch(new RegExp(`^${first.body.slug}-[0-9a-f]+$`));
    const explicit = `chosen-${randomUUID().slice(0, 8)}`;
    expect((await createBusiness(owner, { name: 'Chosen', slug: explicit })).body.slug).toBe(explicit);
    const taken = await createBusiness(owner, { name: 'Other', slug: explicit });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toContain(explicit);
    const tiny = await createBusiness(owner, { name: '!!' });
    expect(tiny.status).toBe(201);
    expect(tiny.body.slug).toMatch(/^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/);
  });

  it('lists only the caller\'s active, undeleted memberships, each with its role', async () => {
    const user = await createTestUser(api);
    const own = await createBusiness(user, { name: 'Mine' });
    const asAgent = await db.tenant('Agent Of');
    await db.member(asAgent.business.id, user.id, 'agent');
    const suspended = await db.tenant('Suspended From');
    const suspendedMember = await db.member(suspended.business.id, user.id, 'admin');
    await db.query(`update team_members set is_active = false where id = $1`, [suspendedMember.id]);
    const deleted = await db.tenant('Deleted');
    await db.member(deleted.business.id, user.id, 'manager');
    await db.query(`update businesses set deleted_at = now() where id = $1`, [deleted.business.id]);
    await db.tenant('Not Mine');

    const list = await call(api, 'GET', '/businesses', { token: user.token });
    expect(list.status).toBe(200);
    expect(list.body.map((b: any) => [b.id, b.role])).toEqual([[own.body.id, 'owner'], [asAgent.business.id, 'agent']]);
    expect((await call(api, 'GET', `/businesses/${suspended.business.id}`, { token: user.token })).status).toBe(404);
    const got = await call(api, 'GET', `/businesses/${asAgent.business.id}`, { token: user.token });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: asAgent.business.id, name: 'Agent Of', role: 'agent' });
  });

  it('lets owners and admins edit the profile and deep-merge settings; others get 403', async () => {
    const { business, owner } = await db.tenant('Settings Co');
    const admin = await addMember(business.id, 'admin');
    const manager = await addMember(business.id, 'manager');
    const agent = await addMember(business.id, 'agent');

    const patched = await call(api, 'PATCH', `/businesses/${business.id}`, { token: admin.token, body: { name: 'Settings Company', website: 'settings.example', phone: '+27 21 555 0100' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Settings Company', website: 'settings.example', phone: '+27 21 555 0100', role: 'admin' });
    // Clearing a contact field: null or a blank string stores null; the name cannot be cleared.
    const cleared = await call(api, 'PATCH', `/businesses/${business.id}`, { token: admin.token, body: { website: null, phone: '  ' } });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ name: 'Settings Company', website: null, phone: null });
    const noName = await call(api, 'PATCH', `/businesses/${business.id}`, { token: admin.token, body: { name: null } });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toEqual(expect.arrayContaining(['name must be a string']));

    const settings = await call(api, 'PATCH', `/businesses/${business.id}/settings`, {
      token: owner.token,
      body: { timezone: 'Asia/Tokyo', working_hours: { schedule: { sunday: { start: '10:00', end: '14:00' } } }, notifications: { sound: false }, auto_assignment: { type: 'least_busy' } },
    });
    expect(settings.status).toBe(200);
    expect(settings.body.settings).toMatchObject({
      timezone: 'Asia/Tokyo',
      working_hours: { enabled: false, schedule: { ...DEFAULT_BUSINESS_SETTINGS.working_hours.schedule, sunday: { start: '10:00', end: '14:00' } } },
      notifications: { email: true, desktop: true, sound: false },
      auto_assignment: { enabled: true, type: 'least_busy', fallback_to_ai: false },
    });
    const stored = await db.query(`select settings from businesses where id = $1`, [business.id]);
    expect(stored.rows[0].settings).toEqual(settings.body.settings);

    for (const [who, token] of [['manager', manager.token], ['agent', agent.token]] as const) {
      expect([who, (await call(api, 'PATCH', `/businesses/${business.id}`, { token, body: { name: 'Nope' } })).status]).toEqual([who, 403]);
      expect([who, (await call(api, 'PATCH', `/businesses/${business.id}/settings`, { token, body: { timezone: 'UTC' } })).status]).toEqual([who, 403]);
    }
    expect((await call(api, 'GET', `/businesses/${business.id}`, { token: agent.token })).body.name).toBe('Settings Company');
  });

  it('lets only the owner delete; afterwards the business is 404 for everyone', async () => {
    const { business, owner } = await db.tenant('Doomed Co');
    const admin = await addMember(business.id, 'admin');
    expect((await call(api, 'DELETE', `/businesses/${business.id}`, { token: admin.token })).status).toBe(403);
    expect((await call(api, 'DELETE', `/businesses/${business.id}`, { token: owner.token })).status).toBe(204);
    expect((await db.query(`select deleted_at from businesses where id = $1`, [business.id])).rows[0].deleted_at).toBeInstanceOf(Date);
    for (const token of [owner.token, admin.token]) {
      expect((await call(api, 'GET', `/businesses/${business.id}`, { token })).status).toBe(404);
      expect((await call(api, 'GET', `/businesses/${business.id}/team`, { token })).status).toBe(404);
      expect((await call(api, 'PATCH', `/businesses/${business.id}`, { token, body: { name: 'Back' } })).status).toBe(404);
      expect((await call(api, 'DELETE', `/businesses/${business.id}`, { token })).status).toBe(404);
      expect((await call(api, 'GET', '/businesses', { token })).body).toEqual([]);
    }
  });

  it('answers bad input with 400 and a message per field', async () => {
    const owner = await createTestUser(api);
    const messages = async (method: string, path: string, body: unknown) => {
      const res = await call(api, method, path, { token: owner.token, body });
      expect([path, res.status]).toEqual([path, 400]);
      return (res.body.message as string[]).join(' | ');
    };
    const create = await messages('POST', '/businesses', { name: ' x ', slug: 'Bad Slug!', timezone: 'Mars/Olympus', website: 'not a url', email: 'nope', team_size: 'lots', extra: 1 });
    for (const expected of ['name must be longer than or equal to 2', 'slug must be 3–100 lowercase', 'timezone must be an IANA time zone', 'website must be a URL', 'email must be an email', 'team_size must be one of', 'property extra should not exist']) {
      expect(create).toContain(expected);
    }
    expect(await messages('POST', '/businesses', {})).toContain('name must be a string');
    expect(await messages('POST', '/businesses', { name: 'Dashy', slug: '-dash-' })).toContain('slug');
    expect(await messages('POST', '/businesses', { name: 'y'.repeat(256) })).toContain('name must be shorter than or equal to 255');

    const { business, owner: o } = await db.tenant('Validate Co');
    const settings = async (body: unknown) => {
      const res = await call(api, 'PATCH', `/businesses/${business.id}/settings`, { token: o.token, body });
      expect(res.status).toBe(400);
      return JSON.stringify(res.body.message);
    };
    expect(await settings({ working_hours: { schedule: { monday: { start: '9am', end: '17:00' } } } })).toContain('start must be HH:MM');
    expect(await settings({ working_hours: { schedule: { monday: { start: '17:00', end: '09:00' } } } })).toContain('end must be after start');
    expect(await settings({ working_hours: { schedule: { monday: { start: 'closed', end: '17:00' } } } })).toContain('both must be \\"closed\\"');
    expect(await settings({ working_hours: { schedule: { someday: { start: '09:00', end: '17:00' } } } })).toContain('property someday should not exist');
    expect(await settings({ auto_assignment: { type: 'random' } })).toContain('type must be one of');
    expect(await settings({ notifications: { sound: 'loud' } })).toContain('sound must be a boolean');
    expect(await settings({ timezone: 'Nowhere/City' })).toContain('IANA');
    expect(await settings({ working_hours: 'always' })).toContain('working_hours');
    expect(await settings({ plan_type: 'enterprise' })).toContain('property plan_type should not exist');
    const profile = await call(api, 'PATCH', `/businesses/${business.id}`, { token: o.token, body: { slug: 'new-slug', subscription_status: 'active', name: 'x' } });
    expect(profile.status).toBe(400);
    expect(profile.body.message).toEqual(expect.arrayContaining(['property slug should not exist', 'property subscription_status should not exist', 'name must be longer than or equal to 2 characters']));
    const unchanged = await db.query(`select name, slug, subscription_status, settings from businesses where id = $1`, [business.id]);
    expect(unchanged.rows[0]).toMatchObject({ name: 'Validate Co', subscription_status: 'trial' });
    expect(unchanged.rows[0].settings.timezone).toBe('UTC');

    expect((await call(api, 'GET', '/businesses/not-a-uuid', { token: owner.token })).status).toBe(404);
    expect((await call(api, 'GET', '/businesses')).status).toBe(401);
    expect((await call(api, 'POST', '/businesses', { body: { name: 'Anonymous' } })).status).toBe(401);
  });

  it('creates nothing when the workflow engine is unreachable (503)', async () => {
    const offline = await startTestApi({ temporalAddress: '127.0.0.1:1', temporalTaskQueue: taskQueue });
    try {
      const owner = await createTestUser(offline);
      const slug = `offline-${randomUUID().slice(0, 8)}`;
      const res = await call(offline, 'POST', '/businesses', { token: owner.token, body: { name: 'Offline Co', slug } });
      expect(res.status).toBe(503);
      expect((await db.query(`select 1 from businesses where slug = $1`, [slug])).rowCount).toBe(0);
      expect((await db.query(`select 1 from team_members where user_id = $1`, [owner.id])).rowCount).toBe(0);
    } finally {
      await offline.close();
    }
  });

  it('documents the endpoints and their bodies in OpenAPI', async () => {
    const doc = (await call(api, 'GET', '/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/businesses', '/businesses/{id}', '/businesses/{id}/settings', '/businesses/{id}/team', '/businesses/{id}/team/{memberId}',
      '/businesses/{id}/team/{memberId}/role', '/businesses/{id}/invitations', '/businesses/{id}/invitations/{invitationId}',
      '/invitations/{token}', '/invitations/{token}/accept',
    ]));
    expect(Object.keys(doc.components.schemas.CreateBusinessDto.properties)).toEqual(expect.arrayContaining(['name', 'slug', 'email', 'phone', 'website', 'industry', 'team_size', 'timezone']));
    expect(doc.components.schemas.CreateBusinessDto.required).toEqual(['name']);
    expect(Object.keys(doc.components.schemas.UpdateSettingsDto.properties)).toEqual(expect.arrayContaining(['timezone', 'working_hours', 'auto_assignment', 'notifications']));
    expect(doc.components.schemas.InviteMemberDto.properties.role.enum).toEqual(['admin', 'manager', 'agent', 'limited_agent']);
  });
});
