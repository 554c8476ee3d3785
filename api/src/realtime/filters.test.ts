import { describe, expect, it } from '@jest/globals';
import { matchesFilter, parseFilter } from './filters.js';

describe('postgres_changes filters', () => {
  it('parses each operator and refuses malformed ones', () => {
    expect(parseFilter('conversation_id=eq.abc')).toEqual({ column: 'conversation_id', op: 'eq', values: ['abc'] });
    expect(parseFilter('id=in.(1, 2,"3")')).toEqual({ column: 'id', op: 'in', values: ['1', '2', '3'] });
    expect(parseFilter(undefined)).toBeNull();
    expect(parseFilter('nonsense')).toBe('invalid');
    expect(parseFilter('id=like.x')).toBe('invalid');
  });

  it('matches strings, numbers and lists', () => {
    const row = { status: 'open', unread_count: 3, id: 'b' };
    expect(matchesFilter(parseFilter('status=eq.open') as never, row)).toBe(true);
    expect(matchesFilter(parseFilter('status=neq.open') as never, row)).toBe(false);
    expect(matchesFilter(parseFilter('unread_count=gt.2') as never, row)).toBe(true);
    expect(matchesFilter(parseFilter('unread_count=lte.2') as never, row)).toBe(false);
    expect(matchesFilter(parseFilter('unread_count=gte.10') as never, row)).toBe(false);
    expect(matchesFilter(parseFilter('id=in.(a,b)') as never, row)).toBe(true);
    expect(matchesFilter(parseFilter('id=in.(a,c)') as never, row)).toBe(false);
    expect(matchesFilter(parseFilter('missing=eq.x') as never, row)).toBe(false);
  });
});
