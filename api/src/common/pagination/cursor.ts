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

/**
 * Builds a page from `limit + 1` rows fetched in keyset order: the extra row only says whether
 * there is more; the cursor points after the last row returned.
 */
export function pageOf<T>(rows: T[], limit: number, position: (row: T) => Cursor): Page<T> {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, next_cursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}
