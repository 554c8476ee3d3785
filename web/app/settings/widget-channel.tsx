import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Card, Code, Flex, Heading, IconButton, Skeleton, Text, Tooltip } from '@radix-ui/themes';
import { CheckIcon, ChatBubbleIcon, CopyIcon, ExternalLinkIcon } from '@radix-ui/react-icons';
import { api, errorMessage } from '../lib/api';
import { config } from '../lib/config';
import { useToast } from '../lib/toast';
import { ErrorCallout } from '../auth/form-error';
import { WidgetSettingsForm, type WidgetConfig } from './widget-settings-form';

interface Integration { id: string; platform: string; platform_account_id: string; platform_account_name: string | null; is_active?: boolean; config?: Partial<WidgetConfig> }

const DEFAULT_CONFIG: WidgetConfig = {
  title: 'Chat with us', subtitle: 'We typically reply in a few minutes', color: '#3e63dd', position: 'bottom-right',
  greeting_message: null, pre_chat_form: { enabled: false, require_email: false }, identity_verification: false,
};

const snippet = (token: string) =>
  `<script src="${window.location.origin}/widget.js" defer></script>\n<script>window.addEventListener('load', () => CrossChat.init({ websiteToken: '${token}', apiUrl: '${config().apiUrl}' }));</script>`;

/** The website chat widget: create it, then copy the snippet for the site. */
export function WidgetChannel({ businessId, canEdit }: { businessId: string; canEdit: boolean }) {
  const notify = useToast();
  const [widgets, setWidgets] = useState<Integration[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const load = useCallback(() => api<Integration[]>(`/integrations?business_id=${businessId}`)
    .then((all) => setWidgets(all.filter((i) => i.platform === 'widget')))
    .catch(() => setWidgets([])), [businessId]);
  useEffect(() => { void load(); }, [load]);
  const widget = widgets?.[0];

  async function create() {
    setBusy(true);
    setError(null);
    try {
      await api('/integrations/widget/connect', { method: 'POST', body: { business_id: businessId } });
      notify('Website widget created');
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function copy(text: string) {
    await navigator.clipboard?.writeText(text).catch(() => {});
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <Card size="3" id="channels">
      <Flex gap="4" align="start">
        <span className="setup-icon" aria-hidden="true"><ChatBubbleIcon width={18} height={18} /></span>
        <Box flexGrow="1" style={{ minWidth: 0 }}>
          <Flex align="center" gap="2" mb="1">
            <Heading as="h2" size="4">Website chat widget</Heading>
            {widget && <Badge color="green" variant="soft">Active</Badge>}
          </Flex>
          <Text as="p" size="2" color="gray" mb="4" style={{ marginTop: 0 }}>Let visitors chat with your team from any page of your site. Replies arrive in real time.</Text>
          <ErrorCallout>{error}</ErrorCallout>
          {widgets === null ? <Skeleton height="80px" /> : widget ? (
            <Flex direction="column" gap="2">
              <Text size="2">Paste this snippet right before <Code>&lt;/body&gt;</Code> on every page:</Text>
              <Box position="relative">
                <Box p="3" pr="8" style={{ background: 'var(--gray-a3)', borderRadius: 'var(--radius-3)', fontFamily: 'var(--code-font-family)', fontSize: 12, lineHeight: 1.6, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="widget-snippet">
                  {snippet(widget.platform_account_id)}
                </Box>
                <Box position="absolute" top="2" right="2">
                  <Tooltip content={copied ? 'Copied' : 'Copy snippet'}>
                    <IconButton size="1" variant="soft" color="gray" aria-label="Copy snippet" onClick={() => void copy(snippet(widget.platform_account_id))} data-testid="widget-copy">
                      {copied ? <CheckIcon /> : <CopyIcon />}
                    </IconButton>
                  </Tooltip>
                </Box>
              </Box>
              <Flex gap="3" align="center" mt="1">
                <Text size="1" color="gray">Website token <Code size="1" variant="ghost">{widget.platform_account_id}</Code></Text>
                <Button size="1" variant="ghost" asChild><a href={`/demo.html?token=${encodeURIComponent(widget.platform_account_id)}&open=1`} target="_blank" rel="noreferrer">Try it on a demo page <ExternalLinkIcon /></a></Button>
              </Flex>
              <WidgetSettingsForm key={widget.id} integrationId={widget.id} canEdit={canEdit}
                initial={{ ...DEFAULT_CONFIG, ...widget.config, pre_chat_form: { ...DEFAULT_CONFIG.pre_chat_form, ...widget.config?.pre_chat_form } }} />
            </Flex>
          ) : canEdit ? (
            <Button onClick={() => void create()} loading={busy} data-testid="widget-connect">Create website widget</Button>
          ) : (
            <Text size="2" color="gray">An owner or admin can add the widget to your website.</Text>
          )}
        </Box>
      </Flex>
    </Card>
  );
}
