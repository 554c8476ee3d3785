import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { startTestApi, call, type TestApi } from './harness.js';
import { createTestUser, type TestUser } from './users.js';
import { TenantFixtures } from './fixtures/tenants.js';

interface Tenant {
  name: string;
  owner: TestUser;
  businessId: string;
  ownerMemberId: string;
  agent: TestUser;
  agentMemberId: string;
  invitationId: string;
}

/**
 * Tenancy: a business's ids are useless to anyone who is not an active member of it. Every
 * business, team and invitation endpoint answers 404 (never 403, which would confirm the id
 * exists) and changes nothing.
 */
describe('tenant isolation of businesses, team and invitations', () => {
  let api: TestApi;
  let temporal: Client;
  const db = new TenantFixtures();
  const taskQueue = `no-worker-${randomUUID()}`;
  let A: Tenant;
  let B: Tenant;

  /** Created through the API like a real sign-up: owner, an agent who joined by invitation, and a pending invitation. */
  async function tenant(name: string): Promise<Tenant> {
    const owner = await createTestUser(api, { fullName: `${name} Owner` });
    const created = await call(api, 'POST', '/businesses', { token: owner.token, body: { name } });
    expect(created.status).toBe(201);
    const businessId = created.body.id as string;
    const agent = await createTestUser(api, { fullName: `${name} Agent` });
    const invited = await call(api, 'POST', `/businesses/${businessId}/team`, { token: owner.token, body: { email: agent.email, role: 'agent' } });
    expect(invited.status).toBe(201);
    // Accept without reading the mail: this suite is about isolation, team.test.ts covers the mail.
    const token = randomUUID() + randomUUID();
    await db.query(`update invitations set token_hash = $2 where id = $1`, [invited.body.id, createHash('sha256').update(token).digest('hex')]);
    const accepted = await call(api, 'POST', `/invitations/${token}/accept`, { token: agent.token });
    expect(accepted.status).toBe(200);
    const pending = await call(api, 'POST', `/businesses/${businessId}/team`, { token: owner.token, body: { email: `pending-${randomUUID().slice(0, 8)}@example.test`, role: 'manager' } });
    expect(pending.status).toBe(201);
    const team = await call(api, 'GET', `/businesses/${businessId}/team`, { token: owner.token });
    const ownerMemberId = team.body.find((m: any) => m.role === 'owner').id;
    return { name, owner, businessId, ownerMemberId, agent, agentMemberId: accepted.body.member.id, invitationId: pending.body.id };
  }

  /** Everything the endpoints could change, straight from the database. */
  async function snapshot(t: Tenant) {
    const [business, members, invitations] = await Promise.all([
      db.query(`select * from businesses where id = $1`, [t.businessId]),
      db.query(`select * from team_members where business_id = $1 order by id`, [t.businessId]),
      db.query(`select * from invitations where business_id = $1 order by id`, [t.businessId]),
    ]);
    return { business: business.rows, members: members.rows, invitations: invitations.rows };
  }

  /** Every business-scoped endpoint, aimed at `target`'s business with the given member and invitation ids. */
  function endpoints(businessId: string, memberId: string, otherMemberId: string, invitationId: string): [string, string, unknown?][] {
    const b = `/businesses/${businessId}`;
    return [
      ['GET', b],
      ['PATCH', b, { name: 'pwned' }],
      ['PATCH', `${b}/settings`, { timezone: 'Asia/Tokyo' }],
      ['DELETE', b],
      ['GET', `${b}/team`],
      ['POST', `${b}/team`, { email: `intruder-${randomUUID().slice(0, 6)}@example.test`, role: 'agent' }],
      ['GET', `${b}/team/${memberId}`],
      ['PATCH', `${b}/team/${memberId}`, { title: 'pwned', is_active: false }],
      ['PATCH', `${b}/team/${memberId}/role`, { role: 'limited_agent' }],
      ['DELETE', `${b}/team/${memberId}`],
      ['GET', `${b}/team/${otherMemberId}`],
      ['PATCH', `${b}/team/${otherMemberId}/role`, { role: 'agent' }],
      ['DELETE', `${b}/team/${otherMemberId}`],
      ['GET', `${b}/invitations`],
      ['DELETE', `${b}/invitations/${invitationId}`],
    ];
  }

  async function expectAll404(token: string, attempts: [string, string, unknown?][]) {
    const answers: string[] = [];
    for (const [method, path, body] of attempts) answers.push(`${method} ${path} → ${(await call(api, method, path, { token, body })).status}`);
    expect(answers).toEqual(attempts.map(([method, path]) => `${method} ${path} → 404`));
  }

  beforeAll(async () => {
    api = await startTestApi({ temporalTaskQueue: taskQueue });
    temporal = new Client({ connection: await Connection.connect({ address: api.settings.temporalAddress }) });
    A = await tenant('Tenant A');
    B = await tenant('Tenant B');
  });
  afterAll(async () => {
    for (const t of [A, B]) await temporal.workflow.getHandle(`subscription:${t.businessId}`).terminate('test cleanup').catch(() => undefined);
    await temporal.connection.close();
    await api.close();
    await db.close();
  });

  it('gives B\'s owner and agent 404 on every endpoint of A, and A\'s on every endpoint of B; nothing changes', async () => {
    const before = { A: await snapshot(A), B: await snapshot(B) };
    for (const [attacker, victim] of [[B, A], [A, B]] as const) {
      const attempts = endpoints(victim.businessId, victim.ownerMemberId, victim.agentMemberId, victim.invitationId);
      await expectAll404(attacker.owner.token, attempts);
      await expectAll404(attacker.agent.token, attempts);
    }
    expect({ A: await snapshot(A), B: await snapshot(B) }).toEqual(before);
  });

  it('does not reach another tenant\'s members or invitations through one\'s own business', async () => {
    const before = { A: await snapshot(A), B: await snapshot(B) };
    for (const [attacker, victim] of [[B, A], [A, B]] as const) {
      const own = `/businesses/${attacker.businessId}`;
      await expectAll404(attacker.owner.token, [
        ['GET', `${own}/team/${victim.ownerMemberId}`],
        ['GET', `${own}/team/${victim.agentMemberId}`],
        ['PATCH', `${own}/team/${victim.agentMemberId}`, { title: 'pwned', permissions: { team: { remove: true } } }],
        ['PATCH', `${own}/team/${victim.agentMemberId}/role`, { role: 'admin' }],
        ['PATCH', `${own}/team/${victim.ownerMemberId}/role`, { role: 'agent' }],
        ['DELETE', `${own}/team/${victim.agentMemberId}`],
        ['DELETE', `${own}/team/${victim.ownerMemberId}`],
        ['DELETE', `${own}/invitations/${victim.invitationId}`],
      ]);
      const lists = await Promise.all([
        call(api, 'GET', `${own}/team`, { token: attacker.owner.token }),
        call(api, 'GET', `${own}/invitations`, { token: attacker.owner.token }),
        call(api, 'GET', '/businesses', { token: attacker.owner.token }),
      ]);
      const seen = JSON.stringify(lists.map((r) => r.body));
      for (const id of [victim.businessId, victim.ownerMemberId, victim.agentMemberId, victim.invitationId, victim.owner.id]) expect(seen).not.toContain(id);
      expect(lists[2].body.map((b: any) => b.id)).toEqual([attacker.businessId]);
    }
    expect({ A: await snapshot(A), B: await snapshot(B) }).toEqual(before);
  });

  it('treats unknown, malformed, suspended and signed-out callers as outsiders', async () => {
    const outsider = await createTestUser(api);
    await expectAll404(outsider.token, endpoints(A.businessId, A.ownerMemberId, A.agentMemberId, A.invitationId));
    const unknown = randomUUID();
    await expectAll404(A.owner.token, [['GET', `/businesses/${unknown}`], ['GET', `/businesses/${unknown}/team`], ['PATCH', `/businesses/${unknown}/settings`, { timezone: 'UTC' }], ['GET', '/businesses/12345/team']]);

    // A suspended member of A is an outsider until reactivated.
    const suspended = await createTestUser(api);
    const row = await db.member(A.businessId, suspended.id, 'admin');
    await db.query(`update team_members set is_active = false where id = $1`, [row.id]);
    await expectAll404(suspended.token, endpoints(A.businessId, A.ownerMemberId, A.agentMemberId, A.invitationId));
    await db.query(`delete from team_members where id = $1`, [row.id]);

    for (const [method, path] of endpoints(A.businessId, A.ownerMemberId, A.agentMemberId, A.invitationId)) {
      expect(`${method} ${path} → ${(await call(api, method, path)).status}`).toBe(`${method} ${path} → 401`);
    }
  });

  it('keeps a deleted business 404 for its own former members', async () => {
    const C = await tenant('Tenant C');
    expect((await call(api, 'DELETE', `/businesses/${C.businessId}`, { token: C.owner.token })).status).toBe(204);
    try {
      const before = await snapshot(C);
      await expectAll404(C.owner.token, endpoints(C.businessId, C.ownerMemberId, C.agentMemberId, C.invitationId));
      await expectAll404(C.agent.token, endpoints(C.businessId, C.ownerMemberId, C.agentMemberId, C.invitationId));
      expect(await snapshot(C)).toEqual(before);
    } finally {
      await temporal.workflow.getHandle(`subscription:${C.businessId}`).terminate('test cleanup').catch(() => undefined);
    }
  });
});
