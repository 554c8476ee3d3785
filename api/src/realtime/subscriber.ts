import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { AuthService } from '../auth/auth.service.js';
import { VisitorTokenService } from '../channels/widget/visitor-token.service.js';

/** Who is on the other end of a realtime channel; `exp` in seconds since the epoch. */
export type Subscriber =
  | { kind: 'user'; userId: string; exp: number }
  | { kind: 'visitor'; businessId: string; conversationId: string | null; exp: number };

export type Authentication = { subscriber: Subscriber } | { error: string };

/**
 * Verifies the access_token of a join or refresh, with the same secrets the API guard accepts:
 * our own user tokens (JWT_SECRET, session still active), a hosted Supabase project's
 * (SUPABASE_JWT_SECRET, when set), or a widget visitor's token.
 */
@Injectable()
export class SubscriberVerifier {
  private readonly ourKey: Uint8Array;
  private readonly supabaseKey: Uint8Array | null;

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly auth: AuthService,
    private readonly visitors: VisitorTokenService,
  ) {
    this.ourKey = new TextEncoder().encode(settings.jwtSecret);
    this.supabaseKey = settings.supabaseJwtSecret ? new TextEncoder().encode(settings.supabaseJwtSecret) : null;
  }

  async authenticate(token: unknown): Promise<Authentication> {
    if (typeof token !== 'string' || !token) return { error: 'InvalidJWTToken: an access_token is required' };
    let expired = false;
    const attempt = async (key: Uint8Array): Promise<JWTPayload | null> => {
      try {
        return (await jwtVerify(token, key, { audience: 'authenticated', algorithms: ['HS256'] })).payload;
      } catch (e) {
        if (e instanceof errors.JWTExpired) expired = true;
        return null;
      }
    };
    const ours = await attempt(this.ourKey);
    if (ours) {
      if (typeof ours.sub !== 'string' || typeof ours.session_id !== 'string') return { error: 'InvalidJWTToken: the token has no user or session' };
      if (!(await this.auth.isSessionActive(ours.session_id))) return { error: 'InvalidJWTToken: the session has ended' };
      return { subscriber: { kind: 'user', userId: ours.sub, exp: ours.exp ?? 0 } };
    }
    if (this.supabaseKey) {
      const hosted = await attempt(this.supabaseKey);
      if (hosted && typeof hosted.sub === 'string') return { subscriber: { kind: 'user', userId: hosted.sub, exp: hosted.exp ?? 0 } };
    }
    try {
      const claims = (await this.visitors.verify(token)) as unknown as { business_id: string; conversation_id?: string; exp?: number };
      return { subscriber: { kind: 'visitor', businessId: claims.business_id, conversationId: claims.conversation_id ?? null, exp: claims.exp ?? 0 } };
    } catch {
      /* not a visitor token either */
    }
    return { error: expired ? 'InvalidJWTToken: Token has expired' : 'InvalidJWTToken: the token is not valid' };
  }

  async verify(token: unknown): Promise<Subscriber | null> {
    const result = await this.authenticate(token);
    return 'subscriber' in result ? result.subscriber : null;
  }

  /** The apikey: the anon key, or a valid token (which then also identifies the caller). */
  async acceptsApiKey(apikey: string | null): Promise<{ ok: boolean; subscriber: Subscriber | null }> {
    if (!apikey) return { ok: false, subscriber: null };
    if (apikey === this.settings.supabaseAnonKey) return { ok: true, subscriber: null };
    const subscriber = await this.verify(apikey);
    return { ok: !!subscriber, subscriber };
  }
}
