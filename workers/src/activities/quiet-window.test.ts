import { describe, expect, it } from '@jest/globals';
import { DEFAULT_BUSINESS_SETTINGS, type BusinessSettings } from '@crosschat/core';
import { QUIET_WINDOW_MS, quietUntil } from './conversation.activities.js';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const hours = (start: string, end: string): BusinessSettings => ({
  ...DEFAULT_BUSINESS_SETTINGS, timezone: 'UTC',
  working_hours: { enabled: true, schedule: Object.fromEntries(weekdays.map((d) => [d, { start, end }])) as BusinessSettings['working_hours']['schedule'] },
});

describe('quietUntil: when no automatic reply can become due', () => {
  const at = (time: string) => new Date(`2026-11-25T${time}:00Z`);
  const end = (time: string) => new Date(at(time).getTime() + QUIET_WINDOW_MS).toISOString();

  it('is a short window inside working hours once greeted', () => {
    expect(quietUntil(at('10:00'), true, hours('09:00', '17:00'), undefined)).toBe(end('10:00'));
  });

  it('is none before the greeting went out', () => {
    expect(quietUntil(at('10:00'), false, hours('09:00', '17:00'), undefined)).toBeNull();
  });

  it('is none when closing (or opening) falls inside the window', () => {
    expect(quietUntil(at('16:58'), true, hours('09:00', '17:00'), undefined)).toBeNull();
    expect(quietUntil(at('08:58'), true, hours('09:00', '17:00'), at('08:00'))).toBeNull();
  });

  it('outside hours only while the last away message stays recent for the whole window', () => {
    expect(quietUntil(at('20:00'), true, hours('09:00', '17:00'), at('19:59'))).toBe(end('20:00'));
    expect(quietUntil(at('20:00'), true, hours('09:00', '17:00'), undefined)).toBeNull();
    expect(quietUntil(at('20:00'), true, hours('09:00', '17:00'), new Date(at('20:00').getTime() - 12 * 3600_000 + 60_000))).toBeNull();
  });
});
