import { BadRequestException } from '@nestjs/common';
import { isCursor } from '../dto/validation.js';

/** Keyset cursor over (timestamp, id), opaque to clients. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/**
 * SQL for a cursor's timestamp at full (microsecond) precision. Cut to a JS Date's milliseconds,
 * a cursor would skip the rows that share the page's last millisecond.
 */
export const cursorTimestampSql = (expression: string) => `to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The same rule as the DTOs' @IsCursor: only what encodeCursor writes reaches SQL. */
export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  if (!isCursor(raw)) throw new BadRequestException('cursor is not valid: pass the next_cursor of the previous page');
  const { at, id } = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
  return { at, id };
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
