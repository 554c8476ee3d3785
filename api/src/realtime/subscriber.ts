import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify } from 'jose';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { AuthService } from '../auth/auth.service.js';
import { VisitorTokenService } from '../channels/widget/visitor-token.service.js';

/** Who is on the other end of a realtime channel. */
export type Subscriber =
  | { kind: 'user'; userId: string; exp: number }
  | { kind: 'visitor'; businessId: string; conversationId: string | null; exp: number };

/** Verifies the access_token of a join (or a refresh): a team member's JWT or a widget visitor's token. */
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

  async verify(token: unknown): Promise<Subscriber | null> {
    if (typeof token !== 'string' || !token) return null;
    try {
      const { payload } = await jwtVerify(token, this.ourKey, { audience: 'authenticated', algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.session_id !== 'string') return null;
      if (!(await this.auth.isSessionActive(payload.session_id))) return null;
      return { kind: 'user', userId: payload.sub, exp: payload.exp ?? 0 };
    } catch {
      /* not one of our user tokens */
    }
    if (this.supabaseKey) {
      try {
        const { payload } = await jwtVerify(token, this.supabaseKey, { audience: 'authenticated', algorithms: ['HS256'] });
        if (typeof payload.sub === 'string') return { kind: 'user', userId: payload.sub, exp: payload.exp ?? 0 };
      } catch {
        /* not a hosted project's token */
      }
    }
    try {
      const claims = await this.visitors.verify(token);
      const exp = (claims as unknown as { exp?: number }).exp ?? 0;
      return { kind: 'visitor', businessId: claims.business_id, conversationId: claims.conversation_id ?? null, exp };
    } catch {
      return null;
    }
  }

  /** The apikey query param: the anon key, or a valid token (which then also identifies the caller). */
  async acceptsApiKey(apikey: string | null): Promise<boolean> {
    if (!apikey) return false;
    return apikey === this.settings.supabaseAnonKey || (await this.verify(apikey)) !== null;
  }
}
