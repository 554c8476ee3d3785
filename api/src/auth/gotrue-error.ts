import { BadRequestException, Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

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

/**
 * Validation failures of the /auth/v1 DTOs in GoTrue's shape, so supabase-js shows a sentence
 * (`msg`) rather than Nest's list; the list stays in `message` for API clients.
 */
@Catch(BadRequestException)
export class GoTrueValidationFilter implements ExceptionFilter {
  catch(exception: BadRequestException, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (exception instanceof GoTrueError) {
      res.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message ?? exception.message;
    const msg = Array.isArray(message) ? message.join('; ') : String(message);
    res.status(400).json({ code: 'validation_failed', error_code: 'validation_failed', msg, message });
  }
}
