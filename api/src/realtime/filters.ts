/**
 * postgres_changes binding filters as realtime-js writes them: `column=op.value`, several
 * conditions joined by commas (AND), any condition negated with `not.`, values PostgREST-quoted
 * (`name=eq."a,b"`) when they hold reserved characters.
 */
export type FilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'like' | 'ilike' | 'is' | 'isdistinct';

export interface FilterCondition {
  column: string;
  op: FilterOp;
  negate: boolean;
  values: string[];
}

export type RowFilter = FilterCondition[];

const OPS = new Set<string>(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'like', 'ilike', 'is', 'isdistinct']);
const IS_VALUES = new Set(['null', 'true', 'false', 'unknown']);
const MAX_FILTER_LENGTH = 2000;

/** Splits on `sep` outside double quotes and parentheses. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '\\' && i + 1 < text.length) {
      current += ch + text[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    if (ch === sep && !quoted && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}

function parseCondition(text: string): FilterCondition | string {
  const m = /^([a-zA-Z_][a-zA-Z0-9_]*)=(not\.)?([a-z]+)\.([\s\S]*)$/.exec(text.trim());
  if (!m) return `"${text}" is not column=operator.value`;
  const [, column, not, op, rest] = m as unknown as [string, string, string | undefined, string, string];
  if (!OPS.has(op)) return `operator "${op}" is not supported (use eq, neq, lt, lte, gt, gte, in, like, ilike, is, isdistinct)`;
  let values: string[];
  if (op === 'in') {
    const list = /^\(([\s\S]*)\)$/.exec(rest.trim());
    if (!list) return `in needs a list: ${column}=in.(a,b)`;
    values = splitTopLevel(list[1]!, ',').map(unquote).filter((v) => v.length > 0);
    if (!values.length) return `in needs at least one value`;
  } else {
    values = [unquote(rest)];
    if (op === 'is' && !IS_VALUES.has(values[0]!.toLowerCase())) return `is takes null, true, false or unknown`;
  }
  return { column, op: op as FilterOp, negate: !!not, values };
}

/** `null` when there is no filter; a reason string when it cannot be parsed. */
export function parseFilter(raw: string | undefined | null): RowFilter | null | { error: string } {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string' || raw.length > MAX_FILTER_LENGTH) return { error: 'filter must be a string of at most 2000 characters' };
  const conditions: RowFilter = [];
  for (const part of splitTopLevel(raw, ',')) {
    const condition = parseCondition(part);
    if (typeof condition === 'string') return { error: condition };
    conditions.push(condition);
  }
  return conditions;
}

function isNumeric(s: string): boolean {
  return s.trim() !== '' && !Number.isNaN(Number(s));
}

/** Compares a row value with a filter literal the way Postgres would for the common types. */
function compare(value: unknown, literal: string): number {
  if (typeof value === 'number' && isNumeric(literal)) return value - Number(literal);
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && isNumeric(value) && isNumeric(literal)) return Number(value) - Number(literal);
  return text < literal ? -1 : text > literal ? 1 : 0;
}

function likeToRegExp(pattern: string, flags: string): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '[\\s\\S]*').replace(/_/g, '[\\s\\S]');
  return new RegExp(`^${body}$`, flags);
}

function conditionHolds(c: FilterCondition, record: Record<string, unknown>): boolean {
  const value = record[c.column];
  const missing = value === null || value === undefined;
  const literal = c.values[0]!;
  switch (c.op) {
    case 'is': {
      const want = literal.toLowerCase();
      if (want === 'null' || want === 'unknown') return missing;
      return value === (want === 'true');
    }
    case 'isdistinct':
      if (literal === 'null') return !missing;
      return missing || compare(value, literal) !== 0;
    default:
      break;
  }
  // SQL semantics: comparisons with NULL are never true (and `not.` does not make them so).
  if (missing) return false;
  switch (c.op) {
    case 'eq': return compare(value, literal) === 0;
    case 'neq': return compare(value, literal) !== 0;
    case 'lt': return compare(value, literal) < 0;
    case 'lte': return compare(value, literal) <= 0;
    case 'gt': return compare(value, literal) > 0;
    case 'gte': return compare(value, literal) >= 0;
    case 'in': return c.values.some((v) => compare(value, v) === 0);
    case 'like': return likeToRegExp(literal, '').test(String(value));
    case 'ilike': return likeToRegExp(literal, 'i').test(String(value));
  }
}

export function matchesFilter(filter: RowFilter | null, record: Record<string, unknown> | null): boolean {
  if (!filter) return true;
  if (!record) return false;
  return filter.every((c) => {
    const holds = conditionHolds(c, record);
    if (!c.negate) return holds;
    const missing = record[c.column] === null || record[c.column] === undefined;
    // NOT (NULL op x) is still NULL, except for the null-safe operators.
    if (missing && c.op !== 'is' && c.op !== 'isdistinct') return false;
    return !holds;
  });
}
