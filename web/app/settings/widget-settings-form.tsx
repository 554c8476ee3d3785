import { useState, type FormEvent } from 'react';
import { Box, Button, Callout, Code, Flex, Heading, SegmentedControl, Separator, Switch, Text, TextArea, TextField } from '@radix-ui/themes';
import { ChatBubbleIcon, Cross2Icon, LockClosedIcon } from '@radix-ui/react-icons';
import { api, ApiError, errorMessage } from '../lib/api';
import { useToast } from '../lib/toast';
import { Field } from '../auth/field';
import { ErrorCallout, SavedHint } from '../auth/form-error';

export interface WidgetConfig {
  title: string;
  subtitle: string;
  color: string;
  position: 'bottom-right' | 'bottom-left';
  greeting_message: string | null;
  pre_chat_form: { enabled: boolean; require_email?: boolean };
  identity_verification: boolean;
}

const COLORS = ['#3e63dd', '#0090ff', '#12a594', '#30a46c', '#e54d2e', '#d6409f', '#8e4ec6', '#1c2024'];
const HEX = /^#[0-9a-f]{6}$/i;

/** What the widget looks like and asks, with a live preview beside the form. */
export function WidgetSettingsForm({ integrationId, initial, canEdit }: { integrationId: string; initial: WidgetConfig; canEdit: boolean }) {
  const notify = useToast();
  const [config, setConfig] = useState<WidgetConfig>(initial);
  const [status, setStatus] = useState<{ saved?: boolean; error?: string; fields?: Record<string, string> }>({});
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const change = (patch: Partial<WidgetConfig>) => { setConfig((c) => ({ ...c, ...patch })); setStatus({}); };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!config.title.trim()) return setStatus({ fields: { title: 'Give the widget a title' } });
    if (!HEX.test(config.color)) return setStatus({ fields: { color: 'Use a hex color such as #3e63dd' } });
    setBusy(true);
    setStatus({});
    try {
      await api(`/integrations/${integrationId}`, {
        method: 'PATCH',
        body: { config: { ...config, title: config.title.trim(), subtitle: config.subtitle.trim(), greeting_message: config.greeting_message?.trim() || null } },
      });
      setStatus({ saved: true });
      notify('Widget settings saved');
    } catch (err) {
      const fields = ['title', 'subtitle', 'color', 'greeting_message'] as const;
      if (err instanceof ApiError && err.statusCode === 400) setStatus({ fields: err.fieldErrors(fields) as Record<string, string>, error: err.formError(fields) ?? undefined });
      else setStatus({ error: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  async function revealSecret() {
    try {
      setSecret((await api<{ identity_secret: string }>(`/integrations/${integrationId}/secret`, { method: 'POST' })).identity_secret);
    } catch (err) {
      setStatus({ error: errorMessage(err) });
    }
  }

  return (
    <form onSubmit={save} noValidate data-testid="widget-settings-form">
      <Separator size="4" my="5" />
      <Flex gap="6" wrap="wrap">
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0, flex: '1 1 340px' }}>
          <Flex direction="column" gap="4">
            <Heading as="h3" size="3">Appearance and behaviour</Heading>
            <ErrorCallout>{status.error}</ErrorCallout>
            <Field id="widget-title" label="Title" size="2" value={config.title} maxLength={100} error={status.fields?.title} onChange={(e) => change({ title: e.target.value })} />
            <Field id="widget-subtitle" label="Subtitle" size="2" value={config.subtitle} maxLength={200} error={status.fields?.subtitle} onChange={(e) => change({ subtitle: e.target.value })} />
            <Flex direction="column" gap="1">
              <Text as="div" size="2" weight="medium" id="widget-color-label">Brand color</Text>
              <Flex gap="2" align="center" wrap="wrap" role="radiogroup" aria-labelledby="widget-color-label">
                {COLORS.map((c) => (
                  <button key={c} type="button" role="radio" aria-checked={config.color.toLowerCase() === c} aria-label={c} className="swatch"
                    style={{ background: c }} onClick={() => change({ color: c })} />
                ))}
                <input type="color" aria-label="Custom color" className="swatch-picker" value={HEX.test(config.color) ? config.color : '#3e63dd'} onChange={(e) => change({ color: e.target.value })} />
                <TextField.Root size="1" aria-label="Hex color" style={{ width: 96 }} value={config.color} color={status.fields?.color ? 'red' : undefined}
                  aria-invalid={status.fields?.color ? true : undefined} onChange={(e) => change({ color: e.target.value.trim() })} data-testid="widget-color" />
              </Flex>
              {status.fields?.color && <Text size="1" color="red" role="alert">{status.fields.color}</Text>}
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="div" size="2" weight="medium">Position</Text>
              <SegmentedControl.Root size="1" value={config.position} onValueChange={(v) => change({ position: v as WidgetConfig['position'] })} style={{ width: 'fit-content' }}>
                <SegmentedControl.Item value="bottom-left">Bottom left</SegmentedControl.Item>
                <SegmentedControl.Item value="bottom-right">Bottom right</SegmentedControl.Item>
              </SegmentedControl.Root>
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" htmlFor="widget-greeting" size="2" weight="medium">Greeting</Text>
              <TextArea id="widget-greeting" size="2" rows={2} maxLength={1000} placeholder="Hi! How can we help?" value={config.greeting_message ?? ''}
                onChange={(e) => change({ greeting_message: e.target.value })} data-testid="widget-greeting" />
              <Text size="1" color="gray">Shown when the chat opens and sent once when a visitor starts a conversation. Leave empty for none.</Text>
            </Flex>
            <Flex direction="column" gap="2">
              <Text as="label" size="2"><Flex gap="2" align="center">
                <Switch checked={config.pre_chat_form.enabled} onCheckedChange={(enabled) => change({ pre_chat_form: { ...config.pre_chat_form, enabled } })} data-testid="widget-prechat" />
                Ask for name and email before the chat starts
              </Flex></Text>
              <Text as="label" size="2" color={config.pre_chat_form.enabled ? undefined : 'gray'}><Flex gap="2" align="center" pl="5">
                <Switch size="1" disabled={!config.pre_chat_form.enabled} checked={!!config.pre_chat_form.require_email}
                  onCheckedChange={(require_email) => change({ pre_chat_form: { ...config.pre_chat_form, require_email } })} />
                Email is required
              </Flex></Text>
              <Text as="label" size="2"><Flex gap="2" align="center">
                <Switch checked={config.identity_verification} onCheckedChange={(identity_verification) => change({ identity_verification })} data-testid="widget-identity" />
                Identity verification for signed-in users
              </Flex></Text>
            </Flex>
            {config.identity_verification && (
              <Callout.Root size="1" color="gray" variant="surface">
                <Callout.Icon><LockClosedIcon /></Callout.Icon>
                <Box style={{ fontSize: 'var(--font-size-2)' }}>
                  Your server signs each user id with the widget secret; the widget refuses user data without a valid signature.
                  <Box mt="2" p="2" style={{ background: 'var(--gray-a3)', borderRadius: 'var(--radius-2)', fontFamily: 'var(--code-font-family)', fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                    {`// on your server (Node.js)\nconst identifierHash = crypto.createHmac('sha256', WIDGET_SECRET).update(user.id).digest('hex');\n// on the page\nCrossChat.setUser({ id: user.id, email: user.email, name: user.name, identifierHash });`}
                  </Box>
                  <Flex mt="2" gap="2" align="center">
                    {secret ? <Code size="1" data-testid="widget-secret" style={{ wordBreak: 'break-all' }}>{secret}</Code>
                      : <Button type="button" size="1" variant="soft" color="gray" onClick={() => void revealSecret()} data-testid="widget-reveal-secret">Show widget secret</Button>}
                  </Flex>
                </Box>
              </Callout.Root>
            )}
            <Flex justify="between" align="center" gap="3">
              <Box><SavedHint show={!!status.saved} testId="widget-saved" /></Box>
              {canEdit && <Button type="submit" loading={busy} data-testid="save-widget">Save widget</Button>}
            </Flex>
          </Flex>
        </fieldset>
        <WidgetPreview config={config} />
      </Flex>
    </form>
  );
}

/** A small, static picture of the widget as visitors will see it. */
function WidgetPreview({ config }: { config: WidgetConfig }) {
  const color = HEX.test(config.color) ? config.color : '#3e63dd';
  const left = config.position === 'bottom-left';
  return (
    <Box className="widget-preview" aria-label="Widget preview" role="img" style={{ flex: '0 1 300px' }}>
      <Flex direction="column" align={left ? 'start' : 'end'} gap="3">
        <Box className="widget-preview-window">
          <Flex justify="between" align="start" p="3" style={{ background: color, color: 'white' }}>
            <Box style={{ minWidth: 0 }}>
              <Text as="div" size="2" weight="bold" truncate>{config.title || 'Chat with us'}</Text>
              <Text as="div" size="1" style={{ opacity: 0.9 }} truncate>{config.subtitle}</Text>
            </Box>
            <Cross2Icon />
          </Flex>
          <Box p="3" style={{ minHeight: 120 }}>
            {config.pre_chat_form.enabled ? (
              <Flex direction="column" gap="2">
                <Text size="1" color="gray">Before we start, how can we reach you?</Text>
                <Box className="widget-preview-input">Name</Box>
                <Box className="widget-preview-input">Email{config.pre_chat_form.require_email ? ' *' : ''}</Box>
              </Flex>
            ) : config.greeting_message?.trim() ? (
              <Box style={{ background: 'var(--gray-a3)', padding: '6px 10px', borderRadius: 12, width: 'fit-content', maxWidth: '85%' }}>
                <Text size="1">{config.greeting_message}</Text>
              </Box>
            ) : <Text size="1" color="gray">Visitors write here.</Text>}
          </Box>
        </Box>
        <Flex align="center" justify="center" className="widget-preview-launcher" style={{ background: color }}><ChatBubbleIcon color="white" width={20} height={20} /></Flex>
      </Flex>
    </Box>
  );
}
