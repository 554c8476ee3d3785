import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import type { AuthUser, Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';

/** Signs access tokens with Supabase's claims (HS256) and mints opaque refresh tokens. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.key = new TextEncoder().encode(settings.jwtSecret);
  }

  get expiresIn(): number {
    return this.settings.jwtExpirySeconds;
  }

  async accessToken(user: AuthUser, sessionId: string): Promise<{ token: string; expiresAt: number }> {
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + this.settings.jwtExpirySeconds;
    const token = await new SignJWT({
      email: user.email ?? '',
      phone: user.phone ?? '',
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: now }],
      session_id: sessionId,
      is_anonymous: false,
      app_metadata: user.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
      user_metadata: user.raw_user_meta_data ?? {},
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setAudience('authenticated')
      .setIssuer(`${this.settings.apiPublicUrl}/auth/v1`)
      .setIssuedAt(now)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt };
  }

  /** 32 random bytes, opaque; stored as-is like GoTrue (the column is the lookup key). */
  refreshToken(): string {
    return randomBytes(32).toString('base64url');
  }
}
