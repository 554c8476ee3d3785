import { useId } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatCount, formatDay, formatDuration, platformOf } from './format';
import type { AnalyticsOverview } from './types';

/*
 * Charts are plain SVG painted with Radix Themes' CSS variables, so they follow the light/dark
 * appearance (and the accent colour) without re-rendering.
 */

const AXIS_TICK = { fill: 'var(--gray-10)', fontSize: 12 } as const;
export const SERIES_COLORS = { created: 'var(--accent-9)', resolved: 'var(--teal-9)' } as const;

interface TooltipRow { key: string; label: string; value: string; color: string }

function TooltipCard({ title, rows }: { title: string; rows: TooltipRow[] }) {
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{title}</div>
      {rows.map((r) => (
        <div key={r.key} className="chart-tooltip-row">
          <span className="chart-swatch" style={{ background: r.color }} aria-hidden="true" />
          <span className="chart-tooltip-label">{r.label}</span>
          <span className="chart-tooltip-value">{r.value}</span>
        </div>
      ))}
    </div>
  );
}

type Day = AnalyticsOverview['series'][number];

/** Conversations created and resolved per day of the period. */
export function ConversationsChart({ series, height = 260 }: { series: Day[]; height?: number }) {
  const id = useId().replace(/:/g, '');
  const many = series.length > 31;
  const summary = `Conversations per day from ${formatDay(series[0]?.date ?? '')} to ${formatDay(series.at(-1)?.date ?? '')}: `
    + `${series.reduce((n, d) => n + d.created, 0)} created, ${series.reduce((n, d) => n + d.resolved, 0)} resolved.`;
  return (
    <div role="img" aria-label={summary} data-testid="analytics-daily-chart">
      <AreaChart responsive style={{ width: '100%', height }} data={series} margin={{ top: 8, right: 24, bottom: 0, left: -12 }}>
        <defs>
          {(['created', 'resolved'] as const).map((k) => (
            <linearGradient key={k} id={`${id}-${k}`} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={SERIES_COLORS[k]} stopOpacity={k === 'created' ? 0.28 : 0.18} />
              <stop offset="100%" stopColor={SERIES_COLORS[k]} stopOpacity={0} />
            </linearGradient>
          ))}
        </defs>
        <CartesianGrid vertical={false} stroke="var(--gray-a4)" strokeDasharray="3 4" />
        <XAxis dataKey="date" tickFormatter={(d: string) => formatDay(d)} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: 'var(--gray-a6)' }}
          minTickGap={many ? 28 : 16} interval="preserveStartEnd" tickMargin={8} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={44} domain={[0, (max: number) => Math.max(4, max)]} />
        <Tooltip
          cursor={{ stroke: 'var(--gray-a7)', strokeWidth: 1 }}
          content={({ active, payload, label }: TooltipContentProps) => active && payload?.length ? (
            <TooltipCard title={formatDay(String(label), true)} rows={[
              { key: 'created', label: 'Created', value: formatCount((payload[0]!.payload as Day).created), color: SERIES_COLORS.created },
              { key: 'resolved', label: 'Resolved', value: formatCount((payload[0]!.payload as Day).resolved), color: SERIES_COLORS.resolved },
            ]} />
          ) : null}
        />
        <Area type="monotone" dataKey="created" name="Created" stroke={SERIES_COLORS.created} strokeWidth={2} fill={`url(#${id}-created)`}
          dot={!many && series.length <= 14 ? { r: 3, fill: 'var(--color-panel-solid)', strokeWidth: 2 } : false}
          activeDot={{ r: 4, fill: SERIES_COLORS.created, stroke: 'var(--color-panel-solid)', strokeWidth: 2 }} animationDuration={500} />
        <Area type="monotone" dataKey="resolved" name="Resolved" stroke={SERIES_COLORS.resolved} strokeWidth={2} fill={`url(#${id}-resolved)`}
          dot={!many && series.length <= 14 ? { r: 3, fill: 'var(--color-panel-solid)', strokeWidth: 2 } : false}
          activeDot={{ r: 4, fill: SERIES_COLORS.resolved, stroke: 'var(--color-panel-solid)', strokeWidth: 2 }} animationDuration={500} />
      </AreaChart>
    </div>
  );
}

type Channel = AnalyticsOverview['channels'][number];

/** Conversations per channel, one bar each in the channel's colour. */
export function ChannelsChart({ channels }: { channels: Channel[] }) {
  const data = channels.map((c) => ({ ...c, label: platformOf(c.platform).label, color: `var(--${platformOf(c.platform).color}-9)` }));
  const height = Math.max(120, data.length * 44 + 28);
  const summary = `Conversations per channel: ${data.map((c) => `${c.label} ${c.conversations}`).join(', ')}.`;
  return (
    <div role="img" aria-label={summary} data-testid="analytics-channel-chart">
      <BarChart responsive layout="vertical" style={{ width: '100%', height }} data={data} margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap={10}>
        <CartesianGrid horizontal={false} stroke="var(--gray-a4)" strokeDasharray="3 4" />
        <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} domain={[0, (max: number) => Math.max(4, max)]} />
        <YAxis type="category" dataKey="label" tick={{ ...AXIS_TICK, fill: 'var(--gray-11)' }} tickLine={false} axisLine={false} width={84} />
        <Tooltip
          cursor={{ fill: 'var(--gray-a3)', stroke: 'none' }}
          content={({ active, payload }: TooltipContentProps) => {
            if (!active || !payload?.length) return null;
            const c = payload[0]!.payload as (typeof data)[number];
            return (
              <TooltipCard title={c.label} rows={[
                { key: 'conversations', label: 'Conversations', value: formatCount(c.conversations), color: c.color },
                { key: 'messages', label: 'Messages', value: formatCount(c.messages), color: 'var(--gray-8)' },
                { key: 'frt', label: 'Median first response', value: formatDuration(c.first_response_median_seconds), color: 'var(--gray-8)' },
              ]} />
            );
          }}
        />
        <Bar dataKey="conversations" name="Conversations" maxBarSize={26} animationDuration={500}
          shape={(props) => <Rectangle {...props} fill={(props.payload as (typeof data)[number]).color} radius={[0, 6, 6, 0]} />} />
      </BarChart>
    </div>
  );
}
