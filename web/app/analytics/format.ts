import type { Metric } from './types';

const pad = (n: number) => String(n).padStart(2, '0');

/** 45 → "45s", 252 → "4m 12s", 3900 → "1h 05m", 93600 → "1d 2h"; null → "—". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

const counts = new Intl.NumberFormat('en-US');
export const formatCount = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : counts.format(n));

/** A rating out of 5 with one decimal ("4.3"). */
export const formatRating = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n.toFixed(1));

/** "2026-03-04" → "Mar 4" (the date is a calendar day: no time zone shift). */
export function formatDay(date: string, withWeekday = false): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', {
    timeZone: 'UTC', month: 'short', day: 'numeric', ...(withWeekday ? { weekday: 'short' } : {}),
  });
}

export type Better = 'up' | 'down' | 'neutral';
export type Tone = 'good' | 'bad' | 'neutral';

export interface DeltaView {
  direction: 'up' | 'down' | 'flat';
  /** "12%", "+3", "+0.4", "No change". */
  text: string;
  /** The text is a signed difference, not a percentage (no arrow needed). */
  absolute: boolean;
  tone: Tone;
  /** What it is compared with, in words. */
  title: string;
}

/**
 * How a metric moved against the previous period, coloured by whether that is good news
 * (`better`: which way is good). Null when either period has no value.
 */
export function describeDelta(metric: Metric, kind: 'count' | 'duration' | 'rating', better: Better): DeltaView | null {
  const { value, previous, delta, delta_pct } = metric;
  if (value === null || previous === null || delta === null) return null;
  const shown = kind === 'duration' ? formatDuration(previous) : kind === 'rating' ? formatRating(previous) : formatCount(previous);
  const title = `${shown} in the previous period`;
  if (delta === 0) return { direction: 'flat', text: 'No change', absolute: false, tone: 'neutral', title };
  const direction = delta > 0 ? 'up' : 'down';
  const sign = delta > 0 ? '+' : '−';
  let text: string;
  let absolute = true;
  if (kind === 'rating') text = `${sign}${Math.abs(delta).toFixed(1)}`;
  else if (delta_pct !== null) {
    const pct = Math.abs(delta_pct);
    text = `${pct >= 10 ? Math.round(pct) : pct.toFixed(1).replace(/\.0$/, '')}%`;
    absolute = false;
  } else text = `${sign}${kind === 'duration' ? formatDuration(Math.abs(delta)) : formatCount(Math.abs(delta))}`;
  const tone: Tone = better === 'neutral' ? 'neutral' : (better === 'up') === (delta > 0) ? 'good' : 'bad';
  return { direction, text, absolute, tone, title };
}

export { platformOf } from '../lib/platforms';
