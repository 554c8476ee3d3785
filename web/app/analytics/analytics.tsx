import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Badge, Button, Callout, Card, Flex, Grid, Heading, SegmentedControl, Skeleton, Table, Text, Tooltip } from '@radix-ui/themes';
import {
  ArrowDownIcon, ArrowUpIcon, BarChartIcon, ChatBubbleIcon, ClockIcon, ExclamationTriangleIcon, InfoCircledIcon, LapTimerIcon, PersonIcon, StarIcon,
} from '@radix-ui/react-icons';
import { api, errorMessage } from '../lib/api';
import { ROLE_LABEL, type Role } from '../lib/types';
import { useShell } from '../shell/context';
import { EmptyState } from '../shell/empty-state';
import { PageHeader } from '../shell/page-header';
import { UserAvatar } from '../shell/user-avatar';
import { ChannelsChart, ConversationsChart, SERIES_COLORS } from './charts';
import { describeDelta, formatCount, formatDay, formatDuration, formatRating, platformOf, type Better, type DeltaView } from './format';
import type { AnalyticsOverview, Metric } from './types';

const PERIODS = [7, 30, 90] as const;
const DEFAULT_PERIOD = 30;
const METRICS = ['Conversations', 'First response time', 'Resolution time', 'Satisfaction (CSAT)'];

/** Change against the previous period: an arrow and a figure, green when it is good news. */
function Delta({ delta, days }: { delta: DeltaView | null; days: number }) {
  const previous = `vs prior ${days} days`;
  if (!delta) return <Text size="1" color="gray">No data for the previous {days} days</Text>;
  const color = delta.tone === 'good' ? 'grass' : delta.tone === 'bad' ? 'red' : 'gray';
  return (
    <Flex align="center" gap="2" wrap="wrap">
      <Tooltip content={delta.title}>
        <Badge color={color} variant="soft" radius="full" size="1" data-testid="stat-delta" data-tone={delta.tone}>
          {!delta.absolute && delta.direction === 'up' && <ArrowUpIcon width={12} height={12} aria-label="up" />}
          {!delta.absolute && delta.direction === 'down' && <ArrowDownIcon width={12} height={12} aria-label="down" />}
          {delta.text}
        </Badge>
      </Tooltip>
      <Text size="1" color="gray">{previous}</Text>
    </Flex>
  );
}

function StatTile({ testId, label, icon, value, unit, hint, delta, days }: {
  testId: string; label: string; icon: ReactNode; value: string; unit?: string; hint?: ReactNode; delta: DeltaView | null; days: number;
}) {
  return (
    <Card size="2" className="stat-tile" data-testid={testId}>
      <Flex direction="column" gap="2" height="100%">
        <Flex align="center" justify="between" gap="2">
          <Text size="2" color="gray" weight="medium">{label}</Text>
          <span className="stat-icon" aria-hidden="true">{icon}</span>
        </Flex>
        <Flex align="baseline" gap="1">
          <span className="stat-value" data-testid={`${testId}-value`} style={value === '—' ? { color: 'var(--gray-8)' } : undefined}>{value}</span>
          {unit && value !== '—' && <Text size="2" color="gray">{unit}</Text>}
        </Flex>
        {hint && <Text size="1" color="gray">{hint}</Text>}
        <div style={{ marginTop: 'auto' }}><Delta delta={delta} days={days} /></div>
      </Flex>
    </Card>
  );
}

function MiniStat({ testId, label, value, metric, better, days, note }: {
  testId: string; label: string; value: string; metric: Metric; better: Better; days: number; note?: string;
}) {
  const delta = note ? null : describeDelta(metric, 'count', better);
  const color = delta?.tone === 'good' ? 'var(--grass-11)' : delta?.tone === 'bad' ? 'var(--red-11)' : 'var(--gray-11)';
  return (
    <div className="mini-stat" data-testid={testId}>
      <Text as="div" size="1" color="gray" weight="medium">{label}</Text>
      <Flex align="baseline" gap="2" mt="1" wrap="wrap">
        <span className="stat-value-sm" data-testid={`${testId}-value`}>{value}</span>
        {note ? <Text size="1" color="gray">{note}</Text> : delta ? (
          <Tooltip content={`${delta.title} (${days} days)`}>
            <Text size="1" weight="medium" style={{ color, display: 'inline-flex', alignItems: 'center', gap: 2 }}>
              {delta.absolute ? null : delta.direction === 'up' ? <ArrowUpIcon width={11} height={11} aria-label="up" /> : delta.direction === 'down' ? <ArrowDownIcon width={11} height={11} aria-label="down" /> : null}
              {delta.text}
            </Text>
          </Tooltip>
        ) : null}
      </Flex>
    </div>
  );
}

function LegendDot({ color, label }: { color: string; label: string }) {
  return (
    <Flex align="center" gap="2">
      <span className="chart-swatch" style={{ background: color }} aria-hidden="true" />
      <Text size="1" color="gray">{label}</Text>
    </Flex>
  );
}

function SectionTitle({ title, description, right }: { title: string; description?: ReactNode; right?: ReactNode }) {
  return (
    <Flex justify="between" align="start" gap="3" mb="3" wrap="wrap">
      <div>
        <Heading as="h2" size="3" className="tight">{title}</Heading>
        {description && <Text as="p" size="1" color="gray" style={{ margin: '2px 0 0' }}>{description}</Text>}
      </div>
      {right}
    </Flex>
  );
}

/** The original placeholder: tiles with dashes and an explanation, before there is any traffic. */
function NoDataYet() {
  return (
    <>
      <Grid columns={{ initial: '2', md: '4' }} gap="4" mb="5">
        {METRICS.map((m) => (
          <Card key={m} size="2">
            <Flex direction="column" gap="2">
              <Text size="2" color="gray">{m}</Text>
              <span className="stat-value" style={{ color: 'var(--gray-8)' }} aria-label="No data yet">—</span>
              <Text size="1" color="gray">Last 30 days</Text>
            </Flex>
          </Card>
        ))}
      </Grid>
      <Card size="1">
        <EmptyState icon={<BarChartIcon width={22} height={22} />} title="Not enough data yet" testId="analytics-empty">
          Reports fill in once your team has handled its first conversations. Check back after a few days of traffic.
        </EmptyState>
      </Card>
    </>
  );
}

function Loading() {
  return (
    <Flex direction="column" gap="4" data-testid="analytics-loading">
      <Grid columns={{ initial: '2', md: '4' }} gap="4">
        {[0, 1, 2, 3].map((i) => <Card key={i} size="2"><Flex direction="column" gap="3"><Skeleton height="14px" width="60%" /><Skeleton height="32px" width="50%" /><Skeleton height="14px" width="80%" /></Flex></Card>)}
      </Grid>
      <Card size="2"><Skeleton height="260px" /></Card>
    </Flex>
  );
}

const rate = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');

function Report({ data }: { data: AnalyticsOverview }) {
  const t = data.totals;
  const days = data.days;
  const created = data.series.reduce((n, d) => n + d.created, 0);
  const resolved = data.series.reduce((n, d) => n + d.resolved, 0);
  const range = `${formatDay(data.period.first_day)} – ${formatDay(data.period.last_day)}`;
  return (
    <Flex direction="column" gap="4">
      <Grid columns={{ initial: '1', xs: '2', md: '4' }} gap="4">
        <StatTile testId="stat-conversations" label="Conversations" icon={<ChatBubbleIcon />} days={days}
          value={formatCount(t.conversations_created.value)}
          hint={`${formatCount(t.conversations_resolved.value)} resolved in the period`}
          delta={describeDelta(t.conversations_created, 'count', 'neutral')} />
        <StatTile testId="stat-first-response" label="First response time" icon={<LapTimerIcon />} days={days}
          value={formatDuration(t.first_response_median_seconds.value)}
          hint={t.first_response_count.value ? `Median · average ${formatDuration(t.first_response_avg_seconds.value)}` : 'No replies to new conversations yet'}
          delta={describeDelta(t.first_response_median_seconds, 'duration', 'down')} />
        <StatTile testId="stat-resolution" label="Resolution time" icon={<ClockIcon />} days={days}
          value={formatDuration(t.resolution_median_seconds.value)}
          hint={t.resolution_count.value ? `Median · average ${formatDuration(t.resolution_avg_seconds.value)}` : 'Nothing resolved in the period'}
          delta={describeDelta(t.resolution_median_seconds, 'duration', 'down')} />
        <StatTile testId="stat-csat" label="Satisfaction (CSAT)" icon={<StarIcon />} days={days}
          value={formatRating(t.csat_average.value)} unit="/ 5"
          hint={t.csat_count.value ? `From ${formatCount(t.csat_count.value)} rated ${t.csat_count.value === 1 ? 'conversation' : 'conversations'}` : 'No ratings in the period'}
          delta={describeDelta(t.csat_average, 'rating', 'up')} />
      </Grid>

      <Card size="1" className="mini-stats-card">
        <div className="mini-stats">
          <MiniStat testId="stat-resolved" label="Resolved" value={formatCount(t.conversations_resolved.value)} metric={t.conversations_resolved} better="up" days={days} />
          <MiniStat testId="stat-open" label="Open now" value={formatCount(t.conversations_open.value)} metric={t.conversations_open} better="down" days={days} note="right now" />
          <MiniStat testId="stat-messages-in" label="Messages received" value={formatCount(t.messages_in.value)} metric={t.messages_in} better="neutral" days={days} />
          <MiniStat testId="stat-messages-out" label="Messages sent" value={formatCount(t.messages_out.value)} metric={t.messages_out} better="neutral" days={days} />
          <MiniStat testId="stat-customers" label="Active customers" value={formatCount(t.active_customers.value)} metric={t.active_customers} better="neutral" days={days} />
        </div>
      </Card>

      <Card size="2">
        <SectionTitle title="Conversations per day" description={`${range} · ${data.timezone}`}
          right={(
            <Flex gap="4" align="center">
              <LegendDot color={SERIES_COLORS.created} label={`Created · ${formatCount(created)}`} />
              <LegendDot color={SERIES_COLORS.resolved} label={`Resolved · ${formatCount(resolved)}`} />
            </Flex>
          )} />
        <ConversationsChart series={data.series} />
      </Card>

      <Card size="2">
        <SectionTitle title="Channels" description="Where conversations started, the messages exchanged there, and the median time to a first reply." />
        {data.channels.length === 0 ? (
          <Text as="p" size="2" color="gray" data-testid="analytics-channels-empty">No conversations in this period.</Text>
        ) : (
          <Grid columns={{ initial: '1', md: '2' }} gap="5" align="center">
            <ChannelsChart channels={data.channels} />
            <Table.Root size="1" data-testid="analytics-channels">
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Channel</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell justify="end" className="num">Conversations</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell justify="end" className="num">Messages</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell justify="end" className="num">First response</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.channels.map((c) => {
                  const p = platformOf(c.platform);
                  return (
                    <Table.Row key={c.platform} align="center" data-testid="analytics-channel-row">
                      <Table.RowHeaderCell>
                        <Flex align="center" gap="2"><span className="chart-swatch" style={{ background: `var(--${p.color}-9)` }} aria-hidden="true" /><Text size="2">{p.label}</Text></Flex>
                      </Table.RowHeaderCell>
                      <Table.Cell justify="end" className="num">{formatCount(c.conversations)}</Table.Cell>
                      <Table.Cell justify="end" className="num">{formatCount(c.messages)}</Table.Cell>
                      <Table.Cell justify="end" className="num">{formatDuration(c.first_response_median_seconds)}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table.Root>
          </Grid>
        )}
      </Card>

      <Card size="1" style={{ padding: 0 }}>
        <div style={{ padding: 'var(--space-4) var(--space-4) 0' }}>
          <SectionTitle title="Team performance"
            description={data.scope === 'assigned'
              ? 'Your own conversations: those created in the period and assigned to you, their median first response, and your replies.'
              : 'Conversations created in the period by the teammate they are assigned to, their median first response, and replies sent.'} />
        </div>
        <Table.Root variant="ghost" data-testid="analytics-agents">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell style={{ width: '40%' }}>Teammate</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end" className="num">Assigned</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end" className="num">Resolved</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end" className="num">First response</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell justify="end" className="num">Replies</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.agents.map((a) => (
              <Table.Row key={a.member_id} align="center" data-testid="analytics-agent-row">
                <Table.RowHeaderCell>
                  <Flex gap="3" align="center">
                    <UserAvatar name={a.name} url={a.avatar_url} />
                    <Flex direction="column" style={{ minWidth: 0 }}>
                      <Flex gap="2" align="center">
                        <Text size="2" weight="medium" truncate>{a.name}</Text>
                        {!a.is_active && <Badge size="1" color="gray" variant="outline">Deactivated</Badge>}
                      </Flex>
                      <Text size="1" color="gray" truncate>{ROLE_LABEL[a.role as Role] ?? a.role}</Text>
                    </Flex>
                  </Flex>
                </Table.RowHeaderCell>
                <Table.Cell justify="end" className="num">{formatCount(a.conversations_assigned)}</Table.Cell>
                <Table.Cell justify="end" className="num">
                  {formatCount(a.conversations_resolved)}
                  {a.conversations_assigned > 0 && <Text size="1" color="gray"> · {rate(Math.min(a.conversations_resolved, a.conversations_assigned), a.conversations_assigned)}</Text>}
                </Table.Cell>
                <Table.Cell justify="end" className="num">{formatDuration(a.first_response_median_seconds)}</Table.Cell>
                <Table.Cell justify="end" className="num">{formatCount(a.replies_sent)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      </Card>
    </Flex>
  );
}

/** Reports: volume, response and resolution times and satisfaction, per day, channel and teammate. */
export default function Analytics() {
  const { business } = useShell();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('days'));
  const days = (PERIODS as readonly number[]).includes(asked) ? asked : DEFAULT_PERIOD;
  const [data, setData] = useState<AnalyticsOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    api<AnalyticsOverview>(`/analytics/overview?business_id=${business.id}&days=${days}`, { signal: controller.signal })
      .then(setData)
      .catch((e: unknown) => { if (!controller.signal.aborted) setError(errorMessage(e)); });
    return () => controller.abort();
  }, [business.id, days, attempt]);

  // A report of another business (just switched) is never shown; one of another period is, dimmed, while the new one loads.
  const current = data?.business_id === business.id ? data : null;
  const stale = current !== null && current.days !== days;
  const empty = current !== null && current.conversations_all_time === 0;

  const picker = (
    <SegmentedControl.Root value={String(days)} size="2" data-testid="analytics-period" aria-label="Period"
      onValueChange={(v) => setParams((p) => { const next = new URLSearchParams(p); next.set('days', v); return next; }, { replace: true })}>
      {PERIODS.map((p) => <SegmentedControl.Item key={p} value={String(p)} data-testid={`analytics-period-${p}`}>{p} days</SegmentedControl.Item>)}
    </SegmentedControl.Root>
  );

  return (
    <div className="page">
      <PageHeader title="Analytics"
        description={current?.scope === 'assigned'
          ? 'Response times, resolution rates and volume per channel, for the conversations assigned to you.'
          : 'Response times, resolution rates and volume per channel.'}
        action={empty ? undefined : picker} />
      {error && (
        <Callout.Root color="red" mb="4" data-testid="analytics-error">
          <Callout.Icon><ExclamationTriangleIcon /></Callout.Icon>
          <Callout.Text>
            Could not load the report: {error}{' '}
            <Button size="1" variant="soft" color="red" ml="2" onClick={() => setAttempt((n) => n + 1)}>Try again</Button>
          </Callout.Text>
        </Callout.Root>
      )}
      {current === null ? (error ? null : <Loading />) : empty ? <NoDataYet /> : (
        <div className="analytics-report" data-stale={stale || undefined} aria-busy={stale} data-testid="analytics-report">
          {current.scope === 'assigned' && (
            <Callout.Root color="gray" variant="surface" size="1" mb="4">
              <Callout.Icon><PersonIcon /></Callout.Icon>
              <Callout.Text>You see the conversations assigned to you. Ask an admin for access to all conversations to see the whole team.</Callout.Text>
            </Callout.Root>
          )}
          <Report data={current} />
          <Flex justify="end" mt="3">
            <Text size="1" color="gray"><InfoCircledIcon style={{ verticalAlign: '-2px' }} /> {current.days === 1 ? 'Today' : `Last ${current.days} days`} in {current.timezone}, compared with the {current.days} days before.</Text>
          </Flex>
        </div>
      )}
    </div>
  );
}
