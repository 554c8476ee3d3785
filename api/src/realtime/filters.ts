/** A postgres_changes binding filter `column=op.value` (ops: eq, neq, lt, lte, gt, gte, in). */
export interface RowFilter {
  column: string;
  op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';
  values: string[];
}

const OPS = new Set(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in']);

export function parseFilter(raw: string | undefined): RowFilter | null | 'invalid' {
  if (!raw) return null;
  const m = /^([a-zA-Z_][a-zA-Z0-9_]*)=([a-z]+)\.(.*)$/.exec(raw);
  if (!m || !OPS.has(m[2]!)) return 'invalid';
  const op = m[2] as RowFilter['op'];
  let values = [m[3]!];
  if (op === 'in') {
    const list = /^\((.*)\)$/.exec(m[3]!);
    if (!list) return 'invalid';
    values = list[1]!.split(',').map((v) => v.trim().replace(/^"(.*)"$/, '$1')).filter((v) => v.length);
  }
  return { column: m[1]!, op, values };
}

function compare(a: unknown, b: string): number {
  if (a === null || a === undefined) return NaN;
  const an = typeof a === 'number' ? a : Number(a);
  const bn = Number(b);
  if (typeof a !== 'boolean' && !Number.isNaN(an) && !Number.isNaN(bn) && String(a).trim() !== '' && b.trim() !== '') return an - bn;
  const as = String(a);
  return as < b ? -1 : as > b ? 1 : 0;
}

export function matchesFilter(filter: RowFilter | null, record: Record<string, unknown> | null): boolean {
  if (!filter) return true;
  if (!record) return false;
  const value = record[filter.column];
  const c = compare(value, filter.values[0]!);
  switch (filter.op) {
    case 'eq': return c === 0;
    case 'neq': return value !== null && value !== undefined && c !== 0;
    case 'lt': return c < 0;
    case 'lte': return c <= 0;
    case 'gt': return c > 0;
    case 'gte': return c >= 0;
    case 'in': return filter.values.some((v) => compare(value, v) === 0);
  }
}
