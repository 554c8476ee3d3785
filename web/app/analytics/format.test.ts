import { describe, expect, it } from '@jest/globals';
import { describeDelta, formatDay, formatDuration } from './format';

const m = (value: number | null, previous: number | null, delta: number | null, delta_pct: number | null) => ({ value, previous, delta, delta_pct });

describe('analytics formatting', () => {
  it('formats durations like a person would say them', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(252)).toBe('4m 12s');
    expect(formatDuration(245)).toBe('4m 05s');
    expect(formatDuration(3900)).toBe('1h 05m');
    expect(formatDuration(93_600)).toBe('1d 2h');
  });

  it('formats calendar days without shifting them', () => {
    expect(formatDay('2026-03-04')).toBe('Mar 4');
    expect(formatDay('2026-01-01', true)).toBe('Thu, Jan 1');
  });

  it('describes deltas with the right direction and tone', () => {
    expect(describeDelta(m(90, 420, -330, -78.6), 'duration', 'down')).toMatchObject({ direction: 'down', text: '79%', absolute: false, tone: 'good' });
    expect(describeDelta(m(5, 2, 3, 150), 'count', 'neutral')).toMatchObject({ direction: 'up', text: '150%', tone: 'neutral' });
    expect(describeDelta(m(2, 1, 1, 100), 'count', 'up')).toMatchObject({ text: '100%', tone: 'good' });
    expect(describeDelta(m(8, 0, 8, null), 'count', 'up')).toMatchObject({ text: '+8', absolute: true, tone: 'good' });
    expect(describeDelta(m(4, 4.5, -0.5, -11.1), 'rating', 'up')).toMatchObject({ direction: 'down', text: '−0.5', tone: 'bad' });
    expect(describeDelta(m(3, 3, 0, 0), 'count', 'up')).toMatchObject({ direction: 'flat', text: 'No change' });
    expect(describeDelta(m(60, null, null, null), 'duration', 'down')).toBeNull();
  });
});
