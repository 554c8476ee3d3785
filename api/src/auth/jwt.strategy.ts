import { Inject, Injectable } from '@nestjs/common';
import { AuthService } from './auth.service.js';
import { GoTrueError } from './gotrue-error.js';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import type { AuthenticatedUser, JwtClaims } from './auth.types.js';

function toUser(claims: JwtClaims): AuthenticatedUser {
  return { id: claims.sub, email: claims.email ?? null, role: claims.role, session_id: claims.session_id ?? null, claims };
}

/** Accepts access tokens this API issued (JWT_SECRET). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(SETTINGS) settings: Settings, private readonly auth: AuthService) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: settings.jwtSecret, algorithms: ['HS256'], audience: 'authenticated' });
  }

  /** A signed-out (revoked) session's access tokens stop working at once, as in GoTrue. */
  async validate(claims: JwtClaims): Promise<AuthenticatedUser> {
    if (!claims.session_id || !(await this.auth.isSessionActive(claims.session_id))) {
      throw new GoTrueError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    return toUser(claims);
  }
}

/** Accepts access tokens of a hosted Supabase project (SUPABASE_JWT_SECRET), when configured. */
@Injectable()
export class SupabaseJwtStrategy extends PassportStrategy(Strategy, 'supabase-jwt') {
  constructor(@Inject(SETTINGS) settings: Settings) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // Without a Supabase secret this strategy can never succeed: a random key no token is signed with.
      secretOrKey: settings.supabaseJwtSecret ?? crypto.randomUUID() + crypto.randomUUID(),
      algorithms: ['HS256'],
      audience: 'authenticated',
    });
  }
  validate(claims: JwtClaims): AuthenticatedUser {
    return toUser(claims);
  }
}
