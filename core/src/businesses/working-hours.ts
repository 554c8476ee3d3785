import type { BusinessSettings, Weekday } from './settings.js';

const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function localParts(date: Date, timeZone: string): { weekday: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = get('weekday').toLowerCase() as Weekday;
  return { weekday: WEEKDAYS.includes(weekday) ? weekday : 'monday', minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string): number | null => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** True when `date` falls inside the business's schedule (always true when hours are off). */
export function isWithinWorkingHours(settings: Pick<BusinessSettings, 'timezone' | 'working_hours'> | null | undefined, date: Date): boolean {
  const hours = settings?.working_hours;
  if (!hours?.enabled) return true;
  let timeZone = settings?.timezone || 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    timeZone = 'UTC';
  }
  const { weekday, minutes } = localParts(date, timeZone);
  const day = hours.schedule?.[weekday];
  if (!day) return false;
  const start = toMinutes(day.start);
  const end = toMinutes(day.end);
  if (start === null || end === null) return false;
  return end > start ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}
