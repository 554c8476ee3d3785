import { useMemo, useState, type FormEvent } from 'react';
import { redirect, useNavigate } from 'react-router';
import { Box, Button, Callout, Card, Flex, Heading, Select, Text } from '@radix-ui/themes';
import { ArrowLeftIcon, ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { currentSession } from '../lib/supabase';
import { api, ApiError } from '../lib/api';
import type { Business } from '../lib/types';
import { Field } from '../auth/field';
import { Logo } from '../shell/logo';

export async function clientLoader() {
  if (!(await currentSession())) throw redirect('/login?next=/onboarding');
  return null;
}

const slugify = (name: string) =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

const INDUSTRIES = ['Retail & e-commerce', 'Hospitality & travel', 'Health & wellness', 'Professional services', 'Software & SaaS', 'Education', 'Other'];
const TEAM_SIZES = ['1', '2-5', '6-20', '21-50', '51-200', '200+'];

function timezones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
}

export default function Onboarding() {
  const navigate = useNavigate();
  const [step, setStep] = useState<1 | 2>(1);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [website, setWebsite] = useState('');
  const [timezone, setTimezone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [industry, setIndustry] = useState<string>('');
  const [teamSize, setTeamSize] = useState<string>('2-5');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const zones = useMemo(timezones, []);
  const effectiveSlug = slugTouched ? slug : slugify(name);

  function next(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim().length < 2) found.name = 'Give your business a name';
    if (effectiveSlug && !/^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/.test(effectiveSlug)) found.slug = 'Use 3+ lowercase letters, digits or dashes';
    setErrors(found);
    if (!Object.keys(found).length) setStep(2);
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const business = await api<Business>('/businesses', {
        method: 'POST',
        body: { name: name.trim(), ...(effectiveSlug.length >= 3 ? { slug: effectiveSlug } : {}), ...(website ? { website } : {}), timezone, ...(industry ? { industry } : {}), team_size: teamSize },
      });
      localStorage.setItem('crosschat:business', business.id);
      navigate(`/app/${business.id}/inbox`);
    } catch (error) {
      const e = error as ApiError;
      if (e.status === 409) {
        setStep(1);
        setErrors({ slug: 'That address is taken, try another' });
      } else {
        setErrors({ form: e.messages?.join('. ') ?? String(error) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex direction="column" align="center" style={{ minHeight: '100vh', background: 'var(--gray-2)' }} px="4" py="8">
      <Box mb="6"><Logo /></Box>
      <Card size="4" style={{ width: '100%', maxWidth: 520 }}>
        <Flex direction="column" gap="5">
          <div>
            <div className="steps" aria-hidden="true"><div className="step-dot done" /><div className={`step-dot ${step === 2 ? 'done' : ''}`} /></div>
            <Text size="1" color="gray" mt="3" as="p">Step {step} of 2</Text>
            <Heading size="6" mt="1">{step === 1 ? 'Tell us about your business' : 'A few preferences'}</Heading>
            <Text size="2" color="gray">{step === 1 ? 'This is the workspace your team will share.' : 'Used for working hours, reports and away messages.'}</Text>
          </div>
          {errors.form && <Callout.Root color="red" role="alert"><Callout.Icon><ExclamationTriangleIcon /></Callout.Icon><Callout.Text>{errors.form}</Callout.Text></Callout.Root>}
          {step === 1 ? (
            <form onSubmit={next} noValidate data-testid="onboarding-step-1">
              <Flex direction="column" gap="4">
                <Field id="business-name" label="Business name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus placeholder="Acme Coffee Roasters" />
                <Field id="business-slug" label="Workspace address" value={effectiveSlug} onChange={(e) => { setSlugTouched(true); setSlug(e.target.value.toLowerCase()); }} error={errors.slug} hint={effectiveSlug ? `crosschat.app/${effectiveSlug}` : 'Filled in from the name'} />
                <Field id="business-website" label="Website (optional)" value={website} onChange={(e) => setWebsite(e.target.value)} placeholder="acme.com" />
                <Flex justify="end"><Button size="3" type="submit" data-testid="onboarding-next">Continue</Button></Flex>
              </Flex>
            </form>
          ) : (
            <form onSubmit={create} noValidate data-testid="onboarding-step-2">
              <Flex direction="column" gap="4">
                <Flex direction="column" gap="1">
                  <Text as="label" size="2" weight="medium" htmlFor="timezone">Time zone</Text>
                  <Select.Root value={timezone} onValueChange={setTimezone}>
                    <Select.Trigger id="timezone" />
                    <Select.Content position="popper" style={{ maxHeight: 320 }}>
                      {zones.map((z) => <Select.Item key={z} value={z}>{z.replace(/_/g, ' ')}</Select.Item>)}
                    </Select.Content>
                  </Select.Root>
                </Flex>
                <Flex gap="3">
                  <Flex direction="column" gap="1" flexGrow="1">
                    <Text as="label" size="2" weight="medium" htmlFor="industry">Industry</Text>
                    <Select.Root value={industry} onValueChange={setIndustry}>
                      <Select.Trigger id="industry" placeholder="Choose…" />
                      <Select.Content>{INDUSTRIES.map((i) => <Select.Item key={i} value={i}>{i}</Select.Item>)}</Select.Content>
                    </Select.Root>
                  </Flex>
                  <Flex direction="column" gap="1" flexGrow="1">
                    <Text as="label" size="2" weight="medium" htmlFor="team-size">Team size</Text>
                    <Select.Root value={teamSize} onValueChange={setTeamSize}>
                      <Select.Trigger id="team-size" />
                      <Select.Content>{TEAM_SIZES.map((s) => <Select.Item key={s} value={s}>{s} people</Select.Item>)}</Select.Content>
                    </Select.Root>
                  </Flex>
                </Flex>
                <Flex justify="between">
                  <Button type="button" variant="soft" color="gray" size="3" onClick={() => setStep(1)}><ArrowLeftIcon /> Back</Button>
                  <Button size="3" type="submit" loading={busy} data-testid="onboarding-create">Create workspace</Button>
                </Flex>
              </Flex>
            </form>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
