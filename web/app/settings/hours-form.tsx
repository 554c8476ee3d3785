import { useMemo, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router';
import { Box, Button, Card, Flex, Heading, Select, Separator, Switch, Text, TextArea, TextField } from '@radix-ui/themes';
import { api, errorMessage } from '../lib/api';
import { timeZones, zoneLabel } from '../lib/timezones';
import { useToast } from '../lib/toast';
import type { Business } from '../lib/types';
import { ErrorCallout, SavedHint } from '../auth/form-error';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Day = (typeof DAYS)[number];
type Schedule = Record<string, { start: string; end: string }>;

/** Time zone, opening hours per weekday and the away message sent outside them. */
export function HoursForm({ business, canEdit }: { business: Business; canEdit: boolean }) {
  const revalidator = useRevalidator();
  const notify = useToast();
  const [timezone, setTimezone] = useState(business.settings.timezone || 'UTC');
  const [enabled, setEnabled] = useState(business.settings.working_hours?.enabled ?? true);
  const [schedule, setSchedule] = useState<Schedule>(business.settings.working_hours?.schedule ?? {});
  const [away, setAway] = useState(business.settings.away_message ?? '');
  const [status, setStatus] = useState<{ saved?: boolean; error?: string }>({});
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => timeZones(timezone), [timezone]);
  const disabled = !canEdit;

  const setDay = (day: Day, hours: { start: string; end: string }) => { setSchedule({ ...schedule, [day]: hours }); setStatus({}); };

  async function save(e: FormEvent) {
    e.preventDefault();
    const bad = DAYS.find((d) => schedule[d] && schedule[d]!.start !== 'closed' && schedule[d]!.start >= schedule[d]!.end);
    if (bad) return setStatus({ error: `On ${bad[0]!.toUpperCase() + bad.slice(1)} the closing time must be after the opening time.` });
    setBusy(true);
    setStatus({});
    try {
      await api(`/businesses/${business.id}/settings`, { method: 'PATCH', body: { timezone, working_hours: { enabled, schedule }, away_message: away } });
      setStatus({ saved: true });
      notify('Working hours saved');
      await revalidator.revalidate();
    } catch (err) {
      setStatus({ error: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="3">
      <form onSubmit={save} noValidate data-testid="hours-form">
        <Flex justify="between" align="start" gap="4" mb="4">
          <Box>
            <Heading as="h2" size="4" mb="1">Working hours</Heading>
            <Text as="p" size="2" color="gray" style={{ margin: 0 }}>Outside these hours customers get your away message and SLAs pause.</Text>
          </Box>
          <Text as="label" size="2" weight="medium" style={{ flexShrink: 0 }}>
            <Flex gap="2" align="center"><Switch checked={enabled} onCheckedChange={(v) => { setEnabled(v); setStatus({}); }} disabled={disabled} data-testid="hours-enabled" /> Use working hours</Flex>
          </Text>
        </Flex>
        <Flex direction="column" gap="4">
          <ErrorCallout>{status.error}</ErrorCallout>
          <Flex direction="column" gap="1" style={{ maxWidth: 360 }}>
            <Text as="label" size="2" weight="medium" htmlFor="settings-timezone">Time zone</Text>
            <Select.Root value={timezone} onValueChange={(v) => { setTimezone(v); setStatus({}); }} disabled={disabled}>
              <Select.Trigger id="settings-timezone" data-testid="settings-timezone" />
              <Select.Content position="popper" style={{ maxHeight: 320 }}>{zones.map((z) => <Select.Item key={z} value={z}>{zoneLabel(z)}</Select.Item>)}</Select.Content>
            </Select.Root>
          </Flex>
          <Separator size="4" />
          <Flex direction="column" gap="2" role="group" aria-label="Opening hours" style={{ opacity: enabled ? 1 : 0.55 }}>
            {DAYS.map((day) => {
              const hours = schedule[day] ?? { start: 'closed', end: 'closed' };
              const open = hours.start !== 'closed';
              const label = day[0]!.toUpperCase() + day.slice(1);
              return (
                <Flex key={day} align="center" gap="3" style={{ minHeight: 36 }} data-testid={`day-${day}`}>
                  <Text as="label" size="2" weight="medium" style={{ width: 110 }} htmlFor={`open-${day}`}>{label}</Text>
                  <Flex align="center" gap="2" style={{ width: 96 }}>
                    <Switch id={`open-${day}`} size="1" checked={open} disabled={disabled || !enabled}
                      onCheckedChange={(v) => setDay(day, v ? { start: '09:00', end: '17:00' } : { start: 'closed', end: 'closed' })} />
                    <Text size="2" color="gray">{open ? 'Open' : 'Closed'}</Text>
                  </Flex>
                  {open && (
                    <Flex align="center" gap="2">
                      <TextField.Root type="time" size="2" value={hours.start} aria-label={`${label} opens at`} disabled={disabled || !enabled} onChange={(e) => setDay(day, { ...hours, start: e.target.value })} />
                      <Text size="2" color="gray">to</Text>
                      <TextField.Root type="time" size="2" value={hours.end} aria-label={`${label} closes at`} disabled={disabled || !enabled} onChange={(e) => setDay(day, { ...hours, end: e.target.value })} />
                    </Flex>
                  )}
                </Flex>
              );
            })}
          </Flex>
          <Separator size="4" />
          <Flex direction="column" gap="1">
            <Text as="label" size="2" weight="medium" htmlFor="away-message">Away message</Text>
            <TextArea id="away-message" value={away} onChange={(e) => { setAway(e.target.value); setStatus({}); }} disabled={disabled} maxLength={1000} rows={3}
              placeholder="Thanks for reaching out! We're away right now and will reply first thing when we're back." />
          </Flex>
          <Flex justify="between" align="center" gap="3">
            <Box><SavedHint show={!!status.saved} testId="hours-saved" /></Box>
            {canEdit && <Button type="submit" loading={busy} data-testid="save-hours">Save working hours</Button>}
          </Flex>
        </Flex>
      </form>
    </Card>
  );
}
