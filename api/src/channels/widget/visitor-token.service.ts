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
  private readonly key: Uint8Array;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.key = new TextEncoder().encode(settings.jwtSecret);
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
      .sign(this.key);
  }

  async verify(token: string | undefined): Promise<VisitorClaims> {
    if (!token) throw new UnauthorizedException('Missing visitor token');
    try {
      const { payload } = await jwtVerify(token, this.key, { audience: VISITOR_AUDIENCE, algorithms: ['HS256'] });
      if (payload.kind !== 'widget_visitor' || typeof payload.sub !== 'string' || typeof payload.business_id !== 'string' || typeof payload.integration_id !== 'string') {
        throw new Error('not a visitor token');
      }
      return payload as unknown as VisitorClaims;
    } catch {
      throw new UnauthorizedException('Invalid or expired visitor token');
    }
  }
}
