import { matchesFilter, parseFilter, type RowFilter } from './filters.js';
import { REALTIME_TABLES, type Change, type Row } from './change.js';

/** One `postgres_changes` binding of a joined channel. */
export interface Binding {
  id: number;
  event: string;
  schema: string;
  table?: string;
  filter?: string;
  select?: string[];
  parsed: RowFilter | null;
}

/** What the join reply echoes: the requested binding, in order, with its id. */
export type BindingEcho = Omit<Binding, 'parsed'>;

const EVENTS = new Set(['*', 'INSERT', 'UPDATE', 'DELETE']);
const COLUMN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
let nextBindingId = 1;

/** Validates the join's `config.postgres_changes`; refuses what this server would never deliver. */
export function parseBindings(requested: unknown): Binding[] | { error: string } {
  if (requested === undefined || requested === null) return [];
  if (!Array.isArray(requested)) return { error: 'config.postgres_changes must be an array' };
  const bindings: Binding[] = [];
  for (const raw of requested) {
    const b = (raw ?? {}) as Record<string, unknown>;
    if (typeof b.event !== 'string' || !EVENTS.has(b.event.toUpperCase())) return { error: `postgres_changes event must be *, INSERT, UPDATE or DELETE (got ${JSON.stringify(b.event)})` };
    if (typeof b.schema !== 'string' || (b.schema !== 'public' && b.schema !== '*')) return { error: `postgres_changes schema must be "public" (got ${JSON.stringify(b.schema)})` };
    if (b.table !== undefined && b.table !== null && b.table !== '*' && (typeof b.table !== 'string' || !REALTIME_TABLES.has(b.table))) {
      return { error: `postgres_changes are published for ${[...REALTIME_TABLES].join(', ')} (got ${JSON.stringify(b.table)})` };
    }
    if (b.select !== undefined && (!Array.isArray(b.select) || !b.select.every((c) => typeof c === 'string' && COLUMN.test(c)))) {
      return { error: 'postgres_changes select must be a list of column names' };
    }
    const parsed = parseFilter(b.filter as string | undefined);
    if (parsed && 'error' in parsed) return { error: `Invalid filter ${JSON.stringify(b.filter)}: ${parsed.error}` };
    bindings.push({
      id: nextBindingId++,
      event: b.event,
      schema: b.schema,
      ...(typeof b.table === 'string' ? { table: b.table } : {}),
      ...(typeof b.filter === 'string' ? { filter: b.filter } : {}),
      ...(Array.isArray(b.select) ? { select: b.select as string[] } : {}),
      parsed,
    });
  }
  return bindings;
}

export function echo(bindings: Binding[]): BindingEcho[] {
  return bindings.map(({ parsed: _parsed, ...rest }) => rest);
}

/**
 * Does a binding want this change? DELETE events match the filter against the routing columns
 * of the removed row (id, business_id, user_id, conversation_id, ...), all a DELETE carries.
 */
export function bindingMatches(b: Binding, change: Change): boolean {
  if (b.event !== '*' && b.event.toUpperCase() !== change.type) return false;
  if (b.schema !== '*' && b.schema !== change.schema) return false;
  if (b.table && b.table !== '*' && b.table !== change.table) return false;
  return matchesFilter(b.parsed, change.type === 'DELETE' ? change.old_keys : change.record);
}

export function project(record: Row | null, select: string[] | undefined): Row | null {
  if (!record || !select) return record;
  return Object.fromEntries(select.filter((c) => c in record).map((c) => [c, record[c]]));
}
