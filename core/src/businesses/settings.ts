export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export interface DayHours { start: string; end: string }

export interface BusinessSettings {
  timezone: string;
  working_hours: { enabled: boolean; schedule: Record<Weekday, DayHours> };
  auto_assignment: { enabled: boolean; type: 'round_robin' | 'least_busy'; fallback_to_ai: boolean };
  notifications: { email: boolean; desktop: boolean; sound: boolean };
  [key: string]: unknown;
}

/** The spec's column default, repeated here so new rows and merges start from the same shape. */
export const DEFAULT_BUSINESS_SETTINGS: BusinessSettings = {
  timezone: 'UTC',
  working_hours: {
    enabled: true,
    schedule: {
      monday: { start: '09:00', end: '17:00' },
      tuesday: { start: '09:00', end: '17:00' },
      wednesday: { start: '09:00', end: '17:00' },
      thursday: { start: '09:00', end: '17:00' },
      friday: { start: '09:00', end: '17:00' },
      saturday: { start: '09:00', end: '13:00' },
      sunday: { start: 'closed', end: 'closed' },
    },
  },
  auto_assignment: { enabled: true, type: 'round_robin', fallback_to_ai: false },
  notifications: { email: true, desktop: true, sound: true },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge for settings patches: objects merge key by key, everything else replaces. */
export function mergeSettings<T extends Record<string, unknown>>(base: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? mergeSettings(out[key] as Record<string, unknown>, value) : value;
  }
  return out as T;
}
