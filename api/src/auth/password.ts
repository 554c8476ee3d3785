import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm is an ambient const enum; 2 is Argon2id.
const ARGON2ID = 2;
import { GoTrueError } from './gotrue-error.js';

export const MIN_PASSWORD_LENGTH = 8;

/** argon2id with OWASP's recommended parameters (19 MiB, 2 iterations). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID as never, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** GoTrue's weak_password error, with reasons auth-js surfaces to the form. */
export function assertStrongPassword(password: unknown): asserts password is string {
  const reasons: string[] = [];
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) reasons.push('length');
  if (typeof password === 'string' && password.length > 0 && new Set(password).size < 4) reasons.push('characters');
  if (reasons.length) {
    throw new GoTrueError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters and not too repetitive.`, {
      weak_password: { reasons, message: 'Password is too weak' },
    });
  }
}
