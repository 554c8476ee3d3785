import { describe, expect, it } from '@jest/globals';
import { DEFAULT_BUSINESS_SETTINGS } from './settings.js';
import { isWithinWorkingHours } from './working-hours.js';

describe('isWithinWorkingHours', () => {
  const settings = { ...DEFAULT_BUSINESS_SETTINGS, timezone: 'Africa/Johannesburg' };

  it('uses the business timezone', () => {
    // Monday 2026-11-23 07:30 UTC is 09:30 in Johannesburg (UTC+2): open.
    expect(isWithinWorkingHours(settings, new Date('2026-11-23T07:30:00Z'))).toBe(true);
    // 06:30 UTC is 08:30 local: not yet open.
    expect(isWithinWorkingHours(settings, new Date('2026-11-23T06:30:00Z'))).toBe(false);
  });

  it('treats closed days and the end time as outside', () => {
    expect(isWithinWorkingHours(settings, new Date('2026-11-22T10:00:00Z'))).toBe(false); // Sunday
    expect(isWithinWorkingHours(settings, new Date('2026-11-23T15:00:00Z'))).toBe(false); // 17:00 local
    expect(isWithinWorkingHours(settings, new Date('2026-11-28T10:00:00Z'))).toBe(true); // Saturday 12:00
  });

  it('is always open when working hours are disabled or unset', () => {
    expect(isWithinWorkingHours({ ...settings, working_hours: { ...settings.working_hours, enabled: false } }, new Date('2026-11-22T03:00:00Z'))).toBe(true);
    expect(isWithinWorkingHours(null, new Date())).toBe(true);
  });

  it('supports overnight shifts', () => {
    const night = { ...settings, timezone: 'UTC', working_hours: { enabled: true, schedule: { ...settings.working_hours.schedule, monday: { start: '22:00', end: '06:00' } } } };
    expect(isWithinWorkingHours(night, new Date('2026-11-23T23:00:00Z'))).toBe(true);
    expect(isWithinWorkingHours(night, new Date('2026-11-23T12:00:00Z'))).toBe(false);
  });
});
