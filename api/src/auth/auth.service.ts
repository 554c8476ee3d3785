import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuthRefreshTokenSchema, AuthSessionSchema, AuthUserSchema, type AuthUser, type Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { MailService } from '../mail/mail.service.js';
import { GoTrueError, invalidCredentials } from './gotrue-error.js';
import { assertStrongPassword, hashPassword, verifyPassword } from './password.js';
import { TokenService } from './token.service.js';

export interface GoTrueUser {
  id: string;
  aud: string;
  role: string;
  email: string;
  email_confirmed_at: string | null;
  phone: string;
  confirmed_at: string | null;
  last_sign_in_at: string | null;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  identities: unknown[];
  created_at: string;
  updated_at: string;
  is_anonymous: boolean;
}

export interface GoTrueSession {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: GoTrueUser;
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const RECOVERY_TTL_MS = 60 * 60 * 1000;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Supabase Auth (GoTrue) semantics on our own tables: auth.users, auth.sessions, auth.refresh_tokens. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Compared against when the email is unknown, so both paths cost one argon2 verify. */
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    private readonly mail: MailService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  toGoTrueUser(user: AuthUser): GoTrueUser {
    return {
      id: user.id,
      aud: user.aud ?? 'authenticated',
      role: user.role ?? 'authenticated',
      email: user.email ?? '',
      email_confirmed_at: iso(user.email_confirmed_at),
      phone: user.phone ?? '',
      confirmed_at: iso(user.email_confirmed_at),
      last_sign_in_at: iso(user.last_sign_in_at),
      app_metadata: user.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
      user_metadata: user.raw_user_meta_data ?? {},
      identities: [],
      created_at: iso(user.created_at)!,
      updated_at: iso(user.updated_at)!,
      is_anonymous: false,
    };
  }

  private normaliseEmail(email: unknown): string {
    if (typeof email !== 'string' || !EMAIL_RE.test(email.trim()) || email.length > 255) {
      throw new GoTrueError(400, 'validation_failed', 'Unable to validate email address: invalid format');
    }
    return email.trim().toLowerCase();
  }

  /** Creates the user, auto-confirmed (the embedded default), and signs them in. */
  async signup(email: unknown, password: unknown, data: unknown): Promise<GoTrueSession> {
    const address = this.normaliseEmail(email);
    assertStrongPassword(password);
    const metadata = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    if (await this.em.findOne(AuthUserSchema, { email: address, deleted_at: null })) {
      throw new GoTrueError(422, 'user_already_exists', 'User already registered');
    }
    const now = new Date();
    const user = this.em.create(AuthUserSchema, {
      email: address,
      encrypted_password: await hashPassword(password),
      email_confirmed_at: now,
      last_sign_in_at: now,
      raw_app_meta_data: { provider: 'email', providers: ['email'] },
      raw_user_meta_data: metadata,
    } as never);
    await this.em.flush();
    return this.openSession(user);
  }

  async passwordGrant(email: unknown, password: unknown): Promise<GoTrueSession> {
    if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) {
      throw new GoTrueError(400, 'validation_failed', 'You must provide either an email or phone number and a password');
    }
    const user = await this.em.findOne(AuthUserSchema, { email: email.trim().toLowerCase(), deleted_at: null });
    // Verify even for unknown users so timing does not reveal which emails exist.
    const ok = await verifyPassword(user?.encrypted_password ?? (await this.dummyHash), password);
    if (!user || !ok) throw invalidCredentials();
    user.last_sign_in_at = new Date();
    await this.em.flush();
    return this.openSession(user);
  }

  /**
   * Rotates a refresh token. A token that was already used revokes its whole session: someone
   * holds a stolen copy (reuse detection).
   */
  async refreshGrant(refreshToken: unknown): Promise<GoTrueSession> {
    if (typeof refreshToken !== 'string' || !refreshToken) throw new GoTrueError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    const outcome = await this.em.transactional(async (tx): Promise<GoTrueSession | { reusedSession: string }> => {
      const rows = await tx.getConnection().execute<{ id: number; session_id: string; revoked: boolean; user_id: string }[]>(
        'select id, session_id, revoked, user_id from auth.refresh_tokens where token = ? for update', [refreshToken], 'all', tx.getTransactionContext());
      const row = rows[0];
      if (!row) throw new GoTrueError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
      const session = await tx.findOne(AuthSessionSchema, { id: row.session_id });
      if (!session || session.revoked_at) throw new GoTrueError(400, 'session_not_found', 'Invalid Refresh Token: Session Expired (Revoked by Newer Login)');
      if (row.revoked) return { reusedSession: session.id };
      const user = await tx.findOne(AuthUserSchema, { id: session.user_id, deleted_at: null });
      if (!user) throw new GoTrueError(400, 'user_not_found', 'User not found');
      await tx.getConnection().execute('update auth.refresh_tokens set revoked = true, updated_at = now() where id = ?', [row.id], 'run', tx.getTransactionContext());
      const next = this.tokens.refreshToken();
      tx.create(AuthRefreshTokenSchema, { token: next, user_id: user.id, session_id: session.id, parent: refreshToken, revoked: false } as never);
      session.updated_at = new Date();
      await tx.flush();
      return this.sessionResponse(user, session.id, next);
    });
    if ('reusedSession' in outcome) {
      // Outside the transaction above, so the revocation is not rolled back with the error.
      await this.revokeSession(this.em, outcome.reusedSession, 'refresh_token_reuse');
      throw new GoTrueError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    return outcome;
  }

  async getUser(userId: string): Promise<GoTrueUser> {
    const user = await this.em.findOne(AuthUserSchema, { id: userId, deleted_at: null });
    if (!user) throw new GoTrueError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return this.toGoTrueUser(user);
  }

  async updateUser(userId: string, body: { email?: unknown; password?: unknown; data?: unknown }): Promise<GoTrueUser> {
    const user = await this.em.findOne(AuthUserSchema, { id: userId, deleted_at: null });
    if (!user) throw new GoTrueError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    if (body.email !== undefined) {
      const email = this.normaliseEmail(body.email);
      if (email !== user.email && (await this.em.findOne(AuthUserSchema, { email, deleted_at: null }))) {
        throw new GoTrueError(422, 'email_exists', 'A user with this email address has already been registered');
      }
      user.email = email;
    }
    if (body.password !== undefined) {
      assertStrongPassword(body.password);
      user.encrypted_password = await hashPassword(body.password);
    }
    if (body.data !== undefined) {
      if (!body.data || typeof body.data !== 'object' || Array.isArray(body.data)) throw new GoTrueError(400, 'validation_failed', 'data must be an object');
      user.raw_user_meta_data = { ...(user.raw_user_meta_data ?? {}), ...(body.data as Record<string, unknown>) };
    }
    user.updated_at = new Date();
    await this.em.flush();
    return this.toGoTrueUser(user);
  }

  /** scope: global (every session of the user), local (this one), others (all but this one). */
  async logout(userId: string, sessionId: string | null, scope: string): Promise<void> {
    const sessions = await this.em.find(AuthSessionSchema, { user_id: userId, revoked_at: null });
    const targets = sessions.filter((s) => (scope === 'local' ? s.id === sessionId : scope === 'others' ? s.id !== sessionId : true));
    for (const s of targets) await this.revokeSession(this.em, s.id, `logout:${scope}`);
  }

  /** Mails a recovery link; answers the same whether or not the email is known. */
  async recover(email: unknown, redirectTo?: string): Promise<void> {
    const address = this.normaliseEmail(email);
    const user = await this.em.findOne(AuthUserSchema, { email: address, deleted_at: null });
    if (!user) return;
    const token = randomBytes(32).toString('base64url');
    user.recovery_token = sha256(token);
    user.recovery_sent_at = new Date();
    await this.em.flush();
    const base = redirectTo && this.isAllowedRedirect(redirectTo) ? redirectTo : `${this.settings.webPublicUrl}/reset-password`;
    const link = `${base}${base.includes('?') ? '&' : '?'}token_hash=${token}&type=recovery`;
    await this.mail.send({
      to: address,
      subject: 'Reset your CrossChat password',
      text: `Someone asked to reset the password of your CrossChat account.\n\nSet a new password: ${link}\n\nThe link works for one hour. If it was not you, ignore this mail.`,
      html: `<p>Someone asked to reset the password of your CrossChat account.</p><p><a href="${link}">Set a new password</a></p><p>The link works for one hour. If it was not you, ignore this mail.</p>`,
    });
  }

  /** Exchanges a recovery token_hash for a session (then the user sets a new password with PUT /user). */
  async verify(type: unknown, tokenHash: unknown): Promise<GoTrueSession> {
    if (type !== 'recovery' && type !== 'email') throw new GoTrueError(400, 'validation_failed', 'Verify requires a verification type');
    if (typeof tokenHash !== 'string' || !tokenHash) throw new GoTrueError(400, 'validation_failed', 'Verify requires a token or a token hash');
    const user = await this.em.findOne(AuthUserSchema, { recovery_token: sha256(tokenHash), deleted_at: null });
    const fresh = user?.recovery_sent_at && Date.now() - new Date(user.recovery_sent_at).getTime() < RECOVERY_TTL_MS;
    if (!user || !fresh) throw new GoTrueError(403, 'otp_expired', 'Email link is invalid or has expired');
    user.recovery_token = null;
    user.last_sign_in_at = new Date();
    await this.em.flush();
    return this.openSession(user);
  }

  /** One primary-key lookup: is this session still valid? */
  async isSessionActive(sessionId: string): Promise<boolean> {
    const rows = await this.em.getConnection().execute<{ ok: boolean }[]>(
      `select true as ok from auth.sessions s join auth.users u on u.id = s.user_id
        where s.id = ? and s.revoked_at is null and u.deleted_at is null`, [sessionId]);
    return rows.length > 0;
  }

  private isAllowedRedirect(url: string): boolean {
    try {
      const target = new URL(url);
      return [this.settings.webPublicUrl, ...this.settings.corsOrigins].some((allowed) => new URL(allowed).origin === target.origin);
    } catch {
      return false;
    }
  }

  private async openSession(user: AuthUser): Promise<GoTrueSession> {
    const session = this.em.create(AuthSessionSchema, { user_id: user.id } as never);
    const refresh = this.tokens.refreshToken();
    await this.em.flush();
    this.em.create(AuthRefreshTokenSchema, { token: refresh, user_id: user.id, session_id: session.id, revoked: false } as never);
    await this.em.flush();
    return this.sessionResponse(user, session.id, refresh);
  }

  private async sessionResponse(user: AuthUser, sessionId: string, refreshToken: string): Promise<GoTrueSession> {
    const { token, expiresAt } = await this.tokens.accessToken(user, sessionId);
    return { access_token: token, token_type: 'bearer', expires_in: this.tokens.expiresIn, expires_at: expiresAt, refresh_token: refreshToken, user: this.toGoTrueUser(user) };
  }

  private async revokeSession(em: EntityManager, sessionId: string, reason: string): Promise<void> {
    await em.getConnection().execute(
      `update auth.sessions set revoked_at = now(), revoked_reason = ? where id = ? and revoked_at is null`, [reason, sessionId], 'run', em.getTransactionContext());
    await em.getConnection().execute(
      `update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = ?`, [sessionId], 'run', em.getTransactionContext());
    this.logger.log(`session ${sessionId} revoked (${reason})`);
  }
}
