import { HttpException } from '@nestjs/common';

/**
 * Errors in Supabase Auth's (GoTrue's) shape, which @supabase/auth-js reads: `code` and
 * `error_code` name the error, `msg` is what the user sees.
 */
export class GoTrueError extends HttpException {
  constructor(status: number, code: string, msg: string, extra: Record<string, unknown> = {}) {
    super({ code, error_code: code, msg, message: msg, ...extra }, status);
  }
}

export const invalidCredentials = () => new GoTrueError(400, 'invalid_credentials', 'Invalid login credentials');
