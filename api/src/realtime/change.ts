export type Row = Record<string, unknown>;

/** One row change as the `crosschat_notify_change` trigger publishes it on `crosschat_changes`. */
export interface Change {
  schema: string;
  table: string;
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  /** ISO 8601 with milliseconds and Z. */
  commit_timestamp: string;
  id: string | null;
  business_id: string | null;
  user_id: string | null;
  conversation_id: string | null;
  /** The new row (INSERT / UPDATE). */
  record: Row | null;
  /** The primary key of the old row (UPDATE / DELETE): all a subscriber is sent. */
  old_record: Row | null;
  /** Routing columns of the old row (business_id, assigned_to, ...) for authorization only. */
  old_keys: Row | null;
  /** The row was too large for NOTIFY and must be re-read by id. */
  truncated?: boolean;
}

export const REALTIME_TABLES = new Set(['messages', 'conversations', 'notifications', 'team_members']);

const TYPES = new Set(['INSERT', 'UPDATE', 'DELETE']);

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** Validates a NOTIFY payload; also reads the envelope of the first trigger version (no top-level keys). */
export function parseChange(raw: unknown): Change | null {
  if (!raw || typeof raw !== 'object') return null;
  const c = raw as Record<string, any>;
  if (!REALTIME_TABLES.has(c.table) || !TYPES.has(c.type)) return null;
  const record = c.record && typeof c.record === 'object' ? (c.record as Row) : null;
  const oldFull = c.old_record && typeof c.old_record === 'object' ? (c.old_record as Row) : null;
  const oldKeys = c.old_keys && typeof c.old_keys === 'object' ? (c.old_keys as Row) : oldFull;
  const current = record ?? oldKeys ?? {};
  const id = text(c.id) ?? text(current.id);
  return {
    schema: typeof c.schema === 'string' ? c.schema : 'public',
    table: c.table,
    type: c.type,
    commit_timestamp: typeof c.commit_timestamp === 'string' ? c.commit_timestamp : new Date().toISOString(),
    id,
    business_id: text(c.business_id) ?? text(current.business_id),
    user_id: text(c.user_id) ?? text(current.user_id),
    conversation_id: text(c.conversation_id) ?? text(current.conversation_id),
    record,
    old_record: c.type === 'INSERT' ? null : { id: text(oldFull?.id) ?? id },
    old_keys: c.type === 'INSERT' ? null : oldKeys,
    ...(c.truncated ? { truncated: true } : {}),
  };
}
