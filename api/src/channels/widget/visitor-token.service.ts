import { randomUUID } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../../config/settings.module.js';

/** Audience of widget visitor tokens: they never pass the dashboard API's guard. */
export const VISITOR_AUDIENCE = 'crosschat-widget';
const VISITOR_TTL_SECONDS = 180 * 24 * 3600;

export interface VisitorClaims {
  /** `visitor:<uuid>` for anonymous visitors, `user:<id>` once the site identified them. */
  sub: string;
  role: 'anon';
  kind: 'widget_visitor';
  business_id: string;
  integration_id: string;
  /** Set once the visitor has a conversation: the only conversation their realtime token reaches. */
  conversation_id?: string;
  customer_id?: string;
}

@Injectable()
export class VisitorTokenService {
  /** Imported once: jose would import raw key bytes again for every token signed or verified. */
  private readonly key: Promise<CryptoKey>;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.key = crypto.subtle.importKey('raw', new TextEncoder().encode(settings.jwtSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    // Awaited by every sign/verify (which then fail as before); not an unhandled rejection meanwhile.
    this.key.catch(() => undefined);
  }

  newVisitorId(): string {
    return `visitor:${randomUUID()}`;
  }

  async sign(claims: VisitorClaims): Promise<string> {
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setAudience(VISITOR_AUDIENCE)
      .setIssuer(`${this.settings.apiPublicUrl}/widget`)
      .setExpirationTime(`${VISITOR_TTL_SECONDS}s`)
      .sign(await this.key);
  }

  async verify(token: string | undefined): Promise<VisitorClaims> {
    if (!token) throw new UnauthorizedException('Missing visitor token');
    try {
      const { payload } = await jwtVerify(token, await this.key, { audience: VISITOR_AUDIENCE, algorithms: ['HS256'] });
      if (payload.kind !== 'widget_visitor' || typeof payload.sub !== 'string' || typeof payload.business_id !== 'string' || typeof payload.integration_id !== 'string') {
        throw new Error('not a visitor token');
      }
      return payload as unknown as VisitorClaims;
    } catch {
      throw new UnauthorizedException('Invalid or expired visitor token');
    }
  }
}
