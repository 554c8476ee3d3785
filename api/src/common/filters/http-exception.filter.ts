import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DriverException, ForeignKeyConstraintViolationException, NotFoundError, ValidationError, UniqueConstraintViolationException, CheckConstraintViolationException, NotNullConstraintViolationException } from '@mikro-orm/core';
import type { Response } from 'express';

/**
 * One error shape for every failure: `{ statusCode, error, message }`. Database constraint
 * errors become 4xx with a message instead of leaking as 500s.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const { status, body } = this.describe(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const status = exception.getStatus();
      const body = typeof response === 'string'
        ? { statusCode: status, error: HttpStatus[status] ?? 'Error', message: response }
        : { statusCode: status, ...(response as Record<string, unknown>) };
      return { status, body };
    }
    const as = (status: number, error: string, message: string) => ({ status, body: { statusCode: status, error, message } });
    if (exception instanceof UniqueConstraintViolationException) return as(409, 'Conflict', 'A record with these values already exists');
    if (exception instanceof NotFoundError) return as(404, 'Not Found', 'Not found');
    if (exception instanceof ForeignKeyConstraintViolationException) return as(400, 'Bad Request', 'A referenced record does not exist');
    if (exception instanceof CheckConstraintViolationException || exception instanceof NotNullConstraintViolationException) {
      return as(400, 'Bad Request', 'A value is not allowed');
    }
    if (exception instanceof SyntaxError && 'body' in (exception as object)) return as(400, 'Bad Request', 'Malformed JSON body');
    // Last line of defence behind the DTOs: a required field nulled (the ORM refuses it) or a
    // value Postgres cannot read (SQLSTATE class 22, "data exception") is the caller's input.
    if (exception instanceof ValidationError) return as(400, 'Bad Request', 'A required value is missing or not allowed');
    const sqlState = exception instanceof DriverException ? exception.code : (exception as { code?: unknown } | null)?.code;
    if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) return as(400, 'Bad Request', 'A value is not valid');
    return as(500, 'Internal Server Error', 'Something went wrong on our side');
  }
}
