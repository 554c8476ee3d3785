import { describe, expect, it } from '@jest/globals';
import { postgresChangesFilter } from '@supabase/supabase-js';
import { matchesFilter, parseFilter, type RowFilter } from './filters.js';

const parsed = (raw: string) => parseFilter(raw) as RowFilter;
const matches = (raw: string, row: Record<string, unknown>) => matchesFilter(parsed(raw), row);

describe('postgres_changes filters', () => {
  it('parses each operator, lists, quoting, negation and several conditions', () => {
    expect(parseFilter('conversation_id=eq.abc')).toEqual([{ column: 'conversation_id', op: 'eq', negate: false, values: ['abc'] }]);
    expect(parseFilter('id=in.(1, 2,"3")')).toEqual([{ column: 'id', op: 'in', negate: false, values: ['1', '2', '3'] }]);
    expect(parseFilter('name=eq."a,b"')).toEqual([{ column: 'name', op: 'eq', negate: false, values: ['a,b'] }]);
    expect(parseFilter('status=not.in.(closed,archived),unread_count=gt.0')).toEqual([
      { column: 'status', op: 'in', negate: true, values: ['closed', 'archived'] },
      { column: 'unread_count', op: 'gt', negate: false, values: ['0'] },
    ]);
    expect(parseFilter(undefined)).toBeNull();
    expect(parseFilter('')).toBeNull();
  });

  it('refuses malformed filters with a reason', () => {
    expect(parseFilter('nonsense')).toEqual({ error: expect.stringContaining('column=operator.value') });
    expect(parseFilter('id=match.^a')).toEqual({ error: expect.stringContaining('not supported') });
    expect(parseFilter('id=in.1')).toEqual({ error: expect.stringContaining('list') });
    expect(parseFilter('id=is.maybe')).toEqual({ error: expect.stringContaining('null, true, false') });
    expect(parseFilter('drop table;=eq.1')).toHaveProperty('error');
  });

  it('reads what realtime-js postgresChangesFilter() builds', () => {
    const built = postgresChangesFilter().eq('name', 'a,"b"').not('status', 'in', ['closed', 'x)y']).is('read_at', null).build();
    const row = { name: 'a,"b"', status: 'open', read_at: null };
    expect(matchesFilter(parsed(built), row)).toBe(true);
    expect(matchesFilter(parsed(built), { ...row, status: 'x)y' })).toBe(false);
  });

  it('matches strings, numbers, booleans and lists; NULL never compares', () => {
    const row = { status: 'open', unread_count: 3, id: 'b', is_internal_note: false, assigned_to: null };
    expect(matches('status=eq.open', row)).toBe(true);
    expect(matches('status=neq.open', row)).toBe(false);
    expect(matches('unread_count=gt.2', row)).toBe(true);
    expect(matches('unread_count=gt.10', row)).toBe(false);
    expect(matches('unread_count=lte.2', row)).toBe(false);
    expect(matches('unread_count=gte.3', row)).toBe(true);
    expect(matches('unread_count=lt.10', row)).toBe(true);
    expect(matches('id=in.(a,b)', row)).toBe(true);
    expect(matches('id=in.(a,c)', row)).toBe(false);
    expect(matches('is_internal_note=eq.false', row)).toBe(true);
    expect(matches('is_internal_note=is.true', row)).toBe(false);
    expect(matches('missing=eq.x', row)).toBe(false);
    expect(matches('assigned_to=neq.x', row)).toBe(false);
    expect(matches('assigned_to=not.eq.x', row)).toBe(false);
    expect(matches('assigned_to=is.null', row)).toBe(true);
    expect(matches('assigned_to=not.is.null', row)).toBe(false);
    expect(matches('assigned_to=isdistinct.x', row)).toBe(true);
    expect(matches('status=like.o%', row)).toBe(true);
    expect(matches('status=ilike.O_EN', row)).toBe(true);
    expect(matches('status=like.o.*', row)).toBe(false);
    expect(matches('status=eq.open,unread_count=gt.5', row)).toBe(false);
    expect(matchesFilter(parsed('status=eq.open'), null)).toBe(false);
  });
});
