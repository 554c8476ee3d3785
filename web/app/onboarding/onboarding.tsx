import { useMemo, useState, type FormEvent } from 'react';
import { Link, useLoaderData, useNavigate, type ClientLoaderFunctionArgs } from 'react-router';
import { Box, Button, Card, Flex, Heading, Link as RLink, Select, Text } from '@radix-ui/themes';
import { ArrowLeftIcon, ArrowRightIcon } from '@radix-ui/react-icons';
import { api, ApiError, errorMessage } from '../lib/api';
import { displayName, LAST_BUSINESS_KEY, requireSession, signOut } from '../lib/supabase';
import { browserTimeZone, timeZones, zoneLabel } from '../lib/timezones';
import type { Business } from '../lib/types';
import { Field } from '../auth/field';
import { ErrorCallout } from '../auth/form-error';
import { Logo } from '../shell/logo';
import { INDUSTRIES, TEAM_SIZES } from './options';
import { SLUG, slugify } from './slug';
import { Stepper } from './stepper';

export async function clientLoader({ request }: ClientLoaderFunctionArgs) {
  const session = await requireSession(request);
  const businesses = await api<Business[]>('/businesses').catch(() => [] as Business[]);
  return { user: session.user, businesses };
}

const STEP_1_FIELDS = ['name', 'slug', 'website'] as const;
const STEP_2_FIELDS = ['timezone', 'industry', 'team_size'] as const;
const ALL_FIELDS = [...STEP_1_FIELDS, ...STEP_2_FIELDS];
type FieldName = (typeof ALL_FIELDS)[number];
type Errors = Partial<Record<FieldName | 'form', string>>;

function Label({ htmlFor, children }: { htmlFor: string; children: string }) {
  return <Text as="label" size="2" weight="medium" htmlFor={htmlFor}>{children}</Text>;
}

/** Two steps to a first business: name and address, then preferences. */
export default function Onboarding() {
  const { user, businesses } = useLoaderData<typeof clientLoader>();
  const navigate = useNavigate();
  const [step, setStep] = useState<0 | 1>(0);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [website, setWebsite] = useState('');
  const [timezone, setTimezone] = useState(browserTimeZone);
  const [industry, setIndustry] = useState('');
  const [teamSize, setTeamSize] = useState('2-5');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => timeZones(timezone), [timezone]);
  const effectiveSlug = slugEdited ? slug : slugify(name);
  const first = businesses.length === 0;

  function validateStep1(): Errors {
    const found: Errors = {};
    if (name.trim().length < 2) found.name = 'Give your business a name (at least 2 characters)';
    if (effectiveSlug && !SLUG.test(effectiveSlug)) found.slug = 'Use 3 or more lowercase letters, digits or dashes';
    if (website && !/^(https?:\/\/)?[^\s.]+\.[^\s]{2,}$/i.test(website.trim())) found.website = 'Enter a website address, like acme.com';
    return found;
  }

  function next(event: FormEvent) {
    event.preventDefault();
    const found = validateStep1();
    setErrors(found);
    if (!Object.keys(found).length) setStep(1);
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const business = await api<Business>('/businesses', {
        method: 'POST',
        body: {
          name: name.trim(),
          ...(effectiveSlug ? { slug: effectiveSlug } : {}),
          ...(website.trim() ? { website: website.trim() } : {}),
          timezone,
          ...(industry ? { industry } : {}),
          team_size: teamSize,
        },
      });
      localStorage.setItem(LAST_BUSINESS_KEY, business.id);
      navigate(`/app/${business.id}/inbox`, { replace: true });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.statusCode === 409) {
        setStep(0);
        return setErrors({ slug: 'That address is already taken. Try another one.' });
      }
      if (error instanceof ApiError && error.statusCode === 400) {
        const fields = error.fieldErrors(ALL_FIELDS) as Errors;
        if (STEP_1_FIELDS.some((f) => fields[f])) setStep(0);
        return setErrors({ ...fields, form: error.formError(ALL_FIELDS) ?? undefined });
      }
      setErrors({ form: errorMessage(error) });
    }
  }

  return (
    <div className="onboarding-page">
      <Flex justify="between" align="center" width="100%" maxWidth="960px" mb="8">
        <Logo />
        <Flex align="center" gap="3">
          <Text size="2" color="gray">Signed in as {displayName(user)}</Text>
          {first
            ? <Button variant="ghost" color="gray" onClick={() => void signOut().then(() => navigate('/login'))}>Sign out</Button>
            : <Button variant="soft" color="gray" asChild><Link to="/">Back to dashboard</Link></Button>}
        </Flex>
      </Flex>

      <Card size="4" style={{ width: '100%', maxWidth: 540 }}>
        <Flex direction="column" gap="5">
          <Stepper steps={['Your business', 'Preferences']} current={step} />
          <div>
            <Heading size="6" className="tight" mb="1">{step === 0 ? (first ? 'Set up your business' : 'Create another business') : 'A few preferences'}</Heading>
            <Text size="2" color="gray">
              {step === 0 ? 'This becomes the shared workspace for your team and your customers’ conversations.' : 'Used for working hours, reports and away messages. You can change these later.'}
            </Text>
          </div>
          <ErrorCallout testId="onboarding-error">{errors.form}</ErrorCallout>

          {step === 0 ? (
            <form onSubmit={next} noValidate data-testid="onboarding-step-1" aria-label="Your business">
              <Flex direction="column" gap="4">
                <Field id="business-name" label="Business name" value={name} autoFocus placeholder="Acme Coffee Roasters" error={errors.name} autoComplete="organization"
                  onChange={(e) => { setName(e.target.value); if (errors.name) setErrors({ ...errors, name: undefined }); }} />
                <Field id="business-slug" label="Workspace address" value={effectiveSlug} error={errors.slug} spellCheck={false} autoCapitalize="none"
                  onChange={(e) => { setSlugEdited(true); setSlug(e.target.value.toLowerCase().replace(/\s+/g, '-')); if (errors.slug) setErrors({ ...errors, slug: undefined }); }}
                  hint={effectiveSlug ? <>Your team signs in at crosschat.app/<b>{effectiveSlug}</b></> : 'Suggested from the name; you can change it.'} />
                <Field id="business-website" label="Website" value={website} placeholder="acme.com" error={errors.website} inputMode="url" autoComplete="url"
                  labelAside={<Text size="1" color="gray">Optional</Text>}
                  onChange={(e) => { setWebsite(e.target.value); if (errors.website) setErrors({ ...errors, website: undefined }); }} />
                <Flex justify="end" mt="2">
                  <Button size="3" type="submit" data-testid="onboarding-next">Continue <ArrowRightIcon /></Button>
                </Flex>
              </Flex>
            </form>
          ) : (
            <form onSubmit={create} noValidate data-testid="onboarding-step-2" aria-label="Preferences">
              <Flex direction="column" gap="4">
                <Flex direction="column" gap="1">
                  <Label htmlFor="timezone">Time zone</Label>
                  <Select.Root value={timezone} onValueChange={setTimezone} size="3">
                    <Select.Trigger id="timezone" data-testid="timezone" />
                    <Select.Content position="popper" style={{ maxHeight: 320 }}>
                      {zones.map((z) => <Select.Item key={z} value={z}>{zoneLabel(z)}</Select.Item>)}
                    </Select.Content>
                  </Select.Root>
                  {errors.timezone ? <Text size="1" color="red">{errors.timezone}</Text> : <Text size="1" color="gray">Detected from your browser.</Text>}
                </Flex>
                <Flex gap="3">
                  <Flex direction="column" gap="1" flexGrow="1" flexBasis="0">
                    <Label htmlFor="industry">Industry</Label>
                    <Select.Root value={industry || undefined} onValueChange={setIndustry} size="3">
                      <Select.Trigger id="industry" placeholder="Choose…" />
                      <Select.Content position="popper">{INDUSTRIES.map((i) => <Select.Item key={i} value={i}>{i}</Select.Item>)}</Select.Content>
                    </Select.Root>
                    {errors.industry && <Text size="1" color="red">{errors.industry}</Text>}
                  </Flex>
                  <Flex direction="column" gap="1" flexGrow="1" flexBasis="0">
                    <Label htmlFor="team-size">Team size</Label>
                    <Select.Root value={teamSize} onValueChange={setTeamSize} size="3">
                      <Select.Trigger id="team-size" />
                      <Select.Content position="popper">{TEAM_SIZES.map((s) => <Select.Item key={s.value} value={s.value}>{s.label}</Select.Item>)}</Select.Content>
                    </Select.Root>
                    {errors.team_size && <Text size="1" color="red">{errors.team_size}</Text>}
                  </Flex>
                </Flex>
                <Flex justify="between" mt="2">
                  <Button type="button" variant="soft" color="gray" size="3" onClick={() => setStep(0)}><ArrowLeftIcon /> Back</Button>
                  <Button size="3" type="submit" loading={busy} data-testid="onboarding-create">Create business</Button>
                </Flex>
              </Flex>
            </form>
          )}
        </Flex>
      </Card>
      <Box mt="5">
        <Text size="1" color="gray">14-day free trial on every new business. <RLink asChild size="1" color="gray"><a href="mailto:support@crosschat.app">Need help?</a></RLink></Text>
      </Box>
    </div>
  );
}
