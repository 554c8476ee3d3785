import { describe, expect, it } from '@jest/globals';
import { BadRequestException, type ArgumentsHost } from '@nestjs/common';
import { DriverException, NotNullConstraintViolationException, ValidationError } from '@mikro-orm/core';
import { AllExceptionsFilter } from './http-exception.filter.js';

function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const res = { headersSent: false, status: (s: number) => { sent.status = s; return res; }, json: (b: Record<string, unknown>) => { sent.body = b; } };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('AllExceptionsFilter', () => {
  it('keeps HTTP exceptions as they are', () => {
    expect(answer(new BadRequestException(['name must be a string']))).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: ['name must be a string'] } });
  });

  it('turns input the database or the ORM refuses into a 400, never a 500', () => {
    expect(answer(new ValidationError('Value for Business.name is required, \'null\' found')).status).toBe(400);
    expect(answer(new DriverException(pgError('22P02'))).status).toBe(400);
    expect(answer(pgError('22021')).body).toMatchObject({ statusCode: 400, message: 'A value is not valid' });
    expect(answer(new NotNullConstraintViolationException(pgError('23502'))).status).toBe(400);
  });

  it('answers 500 with a neutral message for everything else', () => {
    expect(answer(new Error('boom'))).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side' } });
    expect(answer(new DriverException(pgError('57P01'))).status).toBe(500);
  });
});
