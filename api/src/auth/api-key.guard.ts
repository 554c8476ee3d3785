import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Settings } from '@crosschat/core';
import { SETTINGS } from '../config/settings.module.js';
import { GoTrueError } from './gotrue-error.js';

/** supabase-js sends the project's anon key as `apikey` on every auth call; a wrong one is refused. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    const key = req.headers['apikey'] ?? req.query?.apikey;
    if (key !== undefined && key !== this.settings.supabaseAnonKey) {
      throw new GoTrueError(401, 'invalid_api_key', 'Invalid API key');
    }
    return true;
  }
}
