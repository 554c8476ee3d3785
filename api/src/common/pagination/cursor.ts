import { BadRequestException } from '@nestjs/common';

/** Keyset cursor over (timestamp, id), opaque to clients. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) {
      return { at: parsed.at, id: parsed.id };
    }
  } catch {
    /* fall through */
  }
  throw new BadRequestException('cursor is not valid');
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}
