import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GoTrueError } from './gotrue-error.js';

const WINDOW_MS = 60_000;

/**
 * Limits password sign-ins per client IP and email within a minute; answers like GoTrue
 * (429 over_request_rate_limit). In-process counters: with several API instances each keeps
 * its own, which bounds guessing per instance. (@nestjs/throttler is CommonJS and cannot load
 * ESM-only NestJS 12 under Jest; see docs/decisions/0006.)
 */
@Injectable()
export class TokenThrottlerGuard implements CanActivate {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  private readonly limit = Number(process.env.AUTH_RATE_LIMIT) > 0 ? Number(process.env.AUTH_RATE_LIMIT) : 30;

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest();
    if (req.query?.grant_type !== 'password') return true;
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    const key = `${req.ip}:${email}`;
    const now = Date.now();
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + WINDOW_MS });
      return true;
    }
    entry.count += 1;
    if (entry.count > this.limit) {
      throw new GoTrueError(429, 'over_request_rate_limit', `Too many sign-in attempts. Try again in ${Math.ceil((entry.resetAt - now) / 1000)} seconds.`);
    }
    return true;
  }
}
