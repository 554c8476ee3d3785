import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';

const password = 'correct-horse-battery';
const newEmail = () => `auth-${randomUUID().slice(0, 8)}@example.test`;

describe('Supabase-compatible auth driven by the real @supabase/supabase-js client', () => {
  let api: TestApi;
  let mailDir: string;
  const db = new TenantFixtures();
  const client = (): SupabaseClient => createClient(api.url, api.settings.supabaseAnonKey, { auth: { persistSession: false, autoRefreshToken: false } });

  beforeAll(async () => {
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosschat-mail-'));
    api = await startTestApi({ mailDir, supabaseJwtSecret: 'hosted-project-secret-0123456789abcdef0123' });
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('signs up, signs in, refreshes, reads and updates the user, signs out', async () => {
    const supabase = client();
    const email = newEmail();
    const signUp = await supabase.auth.signUp({ email, password, options: { data: { full_name: 'Ada Admin' } } });
    expect(signUp.error).toBeNull();
    expect(signUp.data.session?.access_token).toEqual(expect.any(String));
    expect(signUp.data.user).toMatchObject({ email, user_metadata: { full_name: 'Ada Admin' } });
    const profile = await db.query(`select email, full_name from users where id = $1`, [signUp.data.user!.id]);
    expect(profile.rows[0]).toEqual({ email, full_name: 'Ada Admin' });

    const signIn = await supabase.auth.signInWithPassword({ email: email.toUpperCase(), password });
    expect(signIn.error).toBeNull();
    const first = signIn.data.session!;
    const refreshed = await supabase.auth.refreshSession({ refresh_token: first.refresh_token });
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session!.refresh_token).not.toBe(first.refresh_token);

    const got = await supabase.auth.getUser(refreshed.data.session!.access_token);
    expect(got.data.user?.id).toBe(signUp.data.user!.id);

    const updated = await supabase.auth.updateUser({ data: { full_name: 'Ada Lovelace' } });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata.full_name).toBe('Ada Lovelace');
    expect((await db.query(`select full_name from users where id = $1`, [signUp.data.user!.id])).rows[0].full_name).toBe('Ada Lovelace');

    const oldAccess = refreshed.data.session!.access_token;
    const oldRefresh = refreshed.data.session!.refresh_token;
    expect((await supabase.auth.signOut()).error).toBeNull();
    const afterOut = await client().auth.getUser(oldAccess);
    expect(afterOut.error).not.toBeNull();
    const reuse = await client().auth.refreshSession({ refresh_token: oldRefresh });
    expect(reuse.error).not.toBeNull();
  });

  it('signOut scopes: local ends this session, others the rest, global all of them', async () => {
    const email = newEmail();
    await client().auth.signUp({ email, password });
    const signIn = async () => {
      const supabase = client();
      const { data, error } = await supabase.auth.signInWithPassword({ email, password });
      expect(error).toBeNull();
      return { supabase, session: data.session! };
    };
    const [a, b, c] = [await signIn(), await signIn(), await signIn()];
    const userStatus = async (s: { session: { access_token: string } }) => (await call(api, 'GET', '/auth/v1/user', { token: s.session.access_token })).status;

    expect((await b.supabase.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect([await userStatus(a), await userStatus(b), await userStatus(c)]).toEqual([200, 403, 200]);
    expect((await client().auth.refreshSession({ refresh_token: b.session.refresh_token })).error).not.toBeNull();

    expect((await a.supabase.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect([await userStatus(a), await userStatus(c)]).toEqual([200, 403]);
    expect((await client().auth.refreshSession({ refresh_token: c.session.refresh_token })).error).not.toBeNull();

    expect((await a.supabase.auth.signOut({ scope: 'global' })).error).toBeNull();
    expect(await userStatus(a)).toBe(403);
    expect((await call(api, 'GET', '/auth/v1/user', { token: a.session.access_token })).body.code).toBe('session_not_found');
  });

  it('refuses wrong passwords, duplicate sign-ups and weak or malformed input', async () => {
    const supabase = client();
    const email = newEmail();
    await supabase.auth.signUp({ email, password });
    const wrong = await supabase.auth.signInWithPassword({ email, password: 'not-the-password' });
    expect(wrong.error?.message).toBe('Invalid login credentials');
    expect(wrong.error?.status).toBe(400);
    const unknown = await supabase.auth.signInWithPassword({ email: newEmail(), password });
    expect(unknown.error?.message).toBe('Invalid login credentials');
    const duplicate = await supabase.auth.signUp({ email, password });
    expect(duplicate.error?.status).toBe(422);
    const weak = await supabase.auth.signUp({ email: newEmail(), password: 'abc' });
    expect(weak.error?.status).toBe(422);
    expect(weak.error?.name).toBe('AuthWeakPasswordError');
    const malformed = await supabase.auth.signUp({ email: 'not-an-email', password });
    expect(malformed.error?.status).toBe(400);
    // DTO validation answers in GoTrue's shape too: a sentence in msg and an error code.
    const badTypes = await call(api, 'POST', '/auth/v1/signup', { body: { email: 42, password: ['x'] } });
    expect(badTypes.status).toBe(400);
    expect(badTypes.body).toMatchObject({ error_code: 'validation_failed', msg: expect.stringContaining('password must be a string') });
    const badGrant = await call(api, 'POST', '/auth/v1/token?grant_type=magic', { body: {} });
    expect(badGrant.status).toBe(400);
  });

  it('a reused refresh token revokes the whole session (reuse detection)', async () => {
    const supabase = client();
    const { data } = await supabase.auth.signUp({ email: newEmail(), password });
    const original = data.session!.refresh_token;
    const rotated = await client().auth.refreshSession({ refresh_token: original });
    expect(rotated.error).toBeNull();
    const stolen = await client().auth.refreshSession({ refresh_token: original });
    expect(stolen.error?.message).toContain('Already Used');
    const legit = await client().auth.refreshSession({ refresh_token: rotated.data.session!.refresh_token });
    expect(legit.error).not.toBeNull();
    expect((await call(api, 'GET', '/auth/v1/user', { token: rotated.data.session!.access_token })).status).toBe(403);
  });

  it('rate-limits password sign-ins per client and email with 429', async () => {
    const email = newEmail();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      statuses.push((await call(api, 'POST', '/auth/v1/token?grant_type=password', { body: { email, password: 'wrong-password' } })).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const limited = await call(api, 'POST', '/auth/v1/token?grant_type=password', { body: { email, password } });
    expect(limited.body.code).toBe('over_request_rate_limit');
  });

  it('accepts a hosted Supabase project token, refuses a foreign secret and a bad apikey', async () => {
    const user = await db.user('Hosted User');
    const hosted = await new SignJWT({ role: 'authenticated', email: user.email, session_id: randomUUID() })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(user.id).setAudience('authenticated').setIssuedAt().setExpirationTime('5m')
      .sign(new TextEncoder().encode('hosted-project-secret-0123456789abcdef0123'));
    expect((await call(api, 'GET', `/customers?business_id=${randomUUID()}`, { token: hosted })).status).toBe(404);
    const foreign = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).setSubject(user.id).setAudience('authenticated').setExpirationTime('5m')
      .sign(new TextEncoder().encode('some-other-secret-some-other-secret-000'));
    expect((await call(api, 'GET', '/auth/v1/user', { token: foreign })).status).toBe(401);
    const badKey = createClient(api.url, 'wrong-anon-key', { auth: { persistSession: false } });
    const res = await badKey.auth.signInWithPassword({ email: user.email, password });
    expect(res.error?.status).toBe(401);
  });

  it('password recovery mails a link whose token signs in to set a new password', async () => {
    const supabase = client();
    const email = newEmail();
    await supabase.auth.signUp({ email, password });
    expect((await supabase.auth.resetPasswordForEmail(email)).error).toBeNull();
    expect((await supabase.auth.resetPasswordForEmail(newEmail())).error).toBeNull();
    const files = fs.readdirSync(mailDir).filter((f) => f.includes(email.replace(/[^a-zA-Z0-9@._-]/g, '_')));
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(path.join(mailDir, files[0]!), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const tokenHash = /token_hash=([A-Za-z0-9_-]+)/.exec(eml)?.[1];
    expect(tokenHash).toEqual(expect.any(String));
    const verified = await supabase.auth.verifyOtp({ token_hash: tokenHash!, type: 'recovery' });
    expect(verified.error).toBeNull();
    expect((await supabase.auth.updateUser({ password: 'a-brand-new-passphrase' })).error).toBeNull();
    expect((await client().auth.signInWithPassword({ email, password: 'a-brand-new-passphrase' })).error).toBeNull();
    expect((await client().auth.verifyOtp({ token_hash: tokenHash!, type: 'recovery' })).error).not.toBeNull();
  });
});
