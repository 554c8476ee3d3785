import { useEffect, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router';
import { AlertDialog, Box, Button, Callout, Card, Code, Flex, Heading, Select, Switch, Text, TextField } from '@radix-ui/themes';
import { CheckCircledIcon, ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { api, ApiError } from '../lib/api';
import { config } from '../lib/config';
import { useShell } from '../shell/context';
import { Field } from '../auth/field';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
interface Integration { id: string; platform: string; platform_account_id: string; platform_account_name: string | null }

function Saved({ message, error }: { message: string | null; error: string | null }) {
  if (error) return <Callout.Root color="red" mb="3"><Callout.Icon><ExclamationTriangleIcon /></Callout.Icon><Callout.Text>{error}</Callout.Text></Callout.Root>;
  if (message) return <Callout.Root color="green" mb="3"><Callout.Icon><CheckCircledIcon /></Callout.Icon><Callout.Text>{message}</Callout.Text></Callout.Root>;
  return null;
}

function WidgetChannel({ businessId }: { businessId: string }) {
  const [widgets, setWidgets] = useState<Integration[]>([]);
  const load = () => api<Integration[]>(`/integrations?business_id=${businessId}`).then((all) => setWidgets(all.filter((i) => i.platform === 'widget'))).catch(() => setWidgets([]));
  useEffect(() => { void load(); }, [businessId]);
  const widget = widgets[0];
  const web = window.location.origin;
  return (
    <Card size="3" id="channels">
      <Heading size="4" mb="1">Website chat widget</Heading>
      <Text size="2" color="gray" as="p" mb="4">Let visitors chat with your team from any page of your site.</Text>
      {widget ? (
        <>
          <Text size="2" as="p" mb="2">Paste this before <Code>&lt;/body&gt;</Code> on your site:</Text>
          <Box p="3" style={{ background: 'var(--gray-a3)', borderRadius: 8, fontFamily: 'var(--code-font-family)', fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="widget-snippet">
            {`<script src="${web}/widget.js" defer></script>\n<script>window.addEventListener('load', () => CrossChat.init({ websiteToken: '${widget.platform_account_id}', apiUrl: '${config().apiUrl}' }));</script>`}
          </Box>
        </>
      ) : (
        <Button onClick={() => void api('/integrations/widget/connect', { method: 'POST', body: { business_id: businessId } }).then(load)} data-testid="widget-connect">Create website widget</Button>
      )}
    </Card>
  );
}

export default function Settings() {
  const { business } = useShell();
  const revalidator = useRevalidator();
  const canEdit = business.role === 'owner' || business.role === 'admin';
  const [profileMsg, setProfileMsg] = useState<{ message: string | null; error: string | null }>({ message: null, error: null });
  const [hoursMsg, setHoursMsg] = useState<{ message: string | null; error: string | null }>({ message: null, error: null });
  const [timezone, setTimezone] = useState(business.settings.timezone);
  const [hoursEnabled, setHoursEnabled] = useState(business.settings.working_hours.enabled);
  const [schedule, setSchedule] = useState(business.settings.working_hours.schedule);

  async function saveProfile(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = Object.fromEntries(['name', 'email', 'phone', 'website'].map((k) => [k, String(form.get(k) ?? '')]).filter(([, v]) => v !== ''));
    try {
      await api(`/businesses/${business.id}`, { method: 'PATCH', body });
      setProfileMsg({ message: 'Business profile saved', error: null });
      await revalidator.revalidate();
    } catch (err) {
      setProfileMsg({ message: null, error: (err as ApiError).message });
    }
  }

  async function saveHours(e: FormEvent) {
    e.preventDefault();
    try {
      await api(`/businesses/${business.id}/settings`, { method: 'PATCH', body: { timezone, working_hours: { enabled: hoursEnabled, schedule } } });
      setHoursMsg({ message: 'Working hours saved', error: null });
      await revalidator.revalidate();
    } catch (err) {
      setHoursMsg({ message: null, error: (err as ApiError).message });
    }
  }

  return (
    <div className="page">
      <Heading size="6" mb="1">Settings</Heading>
      <Text color="gray" size="2" as="p" mb="5">{canEdit ? 'Your business profile, hours and channels.' : 'Only owners and admins can change settings.'}</Text>
      <Flex direction="column" gap="5">
        <Card size="3">
          <Heading size="4" mb="4">Business profile</Heading>
          <Saved {...profileMsg} />
          <form onSubmit={saveProfile}>
            <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
              <Flex direction="column" gap="3">
                <Field id="name" name="name" label="Name" defaultValue={business.name} required />
                <Flex gap="3">
                  <Box flexGrow="1"><Field id="email" name="email" type="email" label="Support email" defaultValue={business.email ?? ''} /></Box>
                  <Box flexGrow="1"><Field id="phone" name="phone" label="Phone" defaultValue={business.phone ?? ''} /></Box>
                </Flex>
                <Field id="website" name="website" label="Website" defaultValue={business.website ?? ''} />
                <Flex justify="end"><Button type="submit" data-testid="save-profile">Save profile</Button></Flex>
              </Flex>
            </fieldset>
          </form>
        </Card>

        <Card size="3">
          <Flex justify="between" align="center" mb="4">
            <Heading size="4">Working hours</Heading>
            <Text as="label" size="2"><Flex gap="2" align="center"><Switch checked={hoursEnabled} onCheckedChange={setHoursEnabled} disabled={!canEdit} /> Use working hours</Flex></Text>
          </Flex>
          <Saved {...hoursMsg} />
          <form onSubmit={saveHours}>
            <Flex direction="column" gap="3">
              <Flex direction="column" gap="1">
                <Text as="label" size="2" weight="medium" htmlFor="settings-timezone">Time zone</Text>
                <TextField.Root id="settings-timezone" value={timezone} onChange={(e) => setTimezone(e.target.value)} disabled={!canEdit} />
              </Flex>
              {DAYS.map((day) => {
                const hours = schedule[day] ?? { start: 'closed', end: 'closed' };
                const closed = hours.start === 'closed';
                return (
                  <Flex key={day} align="center" gap="3">
                    <Text size="2" style={{ width: 100, textTransform: 'capitalize' }}>{day}</Text>
                    <Select.Root value={closed ? 'closed' : 'open'} disabled={!canEdit || !hoursEnabled}
                      onValueChange={(v) => setSchedule({ ...schedule, [day]: v === 'closed' ? { start: 'closed', end: 'closed' } : { start: '09:00', end: '17:00' } })}>
                      <Select.Trigger style={{ width: 100 }} aria-label={`${day} open or closed`} />
                      <Select.Content><Select.Item value="open">Open</Select.Item><Select.Item value="closed">Closed</Select.Item></Select.Content>
                    </Select.Root>
                    {!closed && (
                      <>
                        <TextField.Root type="time" value={hours.start} aria-label={`${day} opens`} disabled={!canEdit || !hoursEnabled} onChange={(e) => setSchedule({ ...schedule, [day]: { ...hours, start: e.target.value } })} />
                        <Text size="2" color="gray">to</Text>
                        <TextField.Root type="time" value={hours.end} aria-label={`${day} closes`} disabled={!canEdit || !hoursEnabled} onChange={(e) => setSchedule({ ...schedule, [day]: { ...hours, end: e.target.value } })} />
                      </>
                    )}
                  </Flex>
                );
              })}
              <Flex justify="end"><Button type="submit" disabled={!canEdit}>Save hours</Button></Flex>
            </Flex>
          </form>
        </Card>

        {canEdit && <WidgetChannel businessId={business.id} />}

        {business.role === 'owner' && (
          <Card size="3" style={{ borderColor: 'var(--red-6)' }}>
            <Heading size="4" color="red" mb="1">Danger zone</Heading>
            <Text size="2" color="gray" as="p" mb="3">Deleting the business removes access for the whole team.</Text>
            <AlertDialog.Root>
              <AlertDialog.Trigger><Button color="red" variant="soft">Delete business</Button></AlertDialog.Trigger>
              <AlertDialog.Content maxWidth="440px">
                <AlertDialog.Title>Delete {business.name}?</AlertDialog.Title>
                <AlertDialog.Description size="2">Everyone loses access immediately.</AlertDialog.Description>
                <Flex gap="2" justify="end" mt="4">
                  <AlertDialog.Cancel><Button variant="soft" color="gray">Cancel</Button></AlertDialog.Cancel>
                  <AlertDialog.Action><Button color="red" onClick={() => void api(`/businesses/${business.id}`, { method: 'DELETE' }).then(() => (window.location.href = '/'))}>Delete</Button></AlertDialog.Action>
                </Flex>
              </AlertDialog.Content>
            </AlertDialog.Root>
          </Card>
        )}
      </Flex>
    </div>
  );
}
