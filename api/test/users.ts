import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { SignJWT } from 'jose';
import type { TestApi } from './harness.js';

export interface TestUser {
  id: string;
  email: string;
  token: string;
  /** The auth.sessions row the token's session_id claim points at. */
  sessionId: string;
}

/**
 * A signed-in user without going through the auth endpoints: an auth.users row (its trigger
 * creates public.users), an auth.sessions row, and an HS256 access token signed with the test
 * API's JWT secret carrying the claims our JWT guard and Supabase clients expect.
 */
export async function createTestUser(api: TestApi, options: { email?: string; fullName?: string } = {}): Promise<TestUser> {
  const id = randomUUID();
  const email = (options.email ?? `user-${id.slice(0, 8)}@example.test`).toLowerCase();
  const client = new pg.Client({ connectionString: api.settings.databaseUrl });
  await client.connect();
  let sessionId: string;
  try {
    await client.query(
      `insert into auth.users (id, email, raw_user_meta_data, email_confirmed_at) values ($1, $2, $3, now())`,
      [id, email, { full_name: options.fullName ?? 'Test User' }],
    );
    sessionId = (await client.query<{ id: string }>(`insert into auth.sessions (user_id) values ($1) returning id`, [id])).rows[0]!.id;
  } finally {
    await client.end();
  }
  const token = await new SignJWT({ email, role: 'authenticated', session_id: sessionId, aal: 'aal1' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(id)
    .setAudience('authenticated')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(api.settings.jwtSecret));
  return { id, email, token, sessionId };
}
