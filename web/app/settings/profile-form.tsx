import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router';
import { Box, Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { api, ApiError, errorMessage } from '../lib/api';
import { useToast } from '../lib/toast';
import type { Business } from '../lib/types';
import { Field } from '../auth/field';
import { ErrorCallout, SavedHint } from '../auth/form-error';

const FIELDS = ['name', 'email', 'phone', 'website'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | 'form', string>>;

/** Name and public contact details of the business. */
export function ProfileForm({ business, canEdit }: { business: Business; canEdit: boolean }) {
  const revalidator = useRevalidator();
  const notify = useToast();
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const values = Object.fromEntries(FIELDS.map((k) => [k, String(form.get(k) ?? '').trim()]));
    if (values.name!.length < 2) return setErrors({ name: 'The name needs at least 2 characters' });
    setBusy(true);
    setErrors({});
    setSaved(false);
    try {
      await api(`/businesses/${business.id}`, { method: 'PATCH', body: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v])) });
      setSaved(true);
      notify('Business profile saved');
      await revalidator.revalidate();
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 400) setErrors({ ...err.fieldErrors(FIELDS), form: err.formError(FIELDS) ?? undefined });
      else setErrors({ form: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="3">
      <Heading as="h2" size="4" mb="1">Business profile</Heading>
      <Text as="p" size="2" color="gray" mb="4" style={{ marginTop: 0 }}>Shown to customers in emails and the chat widget.</Text>
      <form onSubmit={save} noValidate data-testid="profile-form" onInput={() => saved && setSaved(false)}>
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Flex direction="column" gap="4">
            <ErrorCallout>{errors.form}</ErrorCallout>
            <Field id="profile-name" name="name" label="Business name" defaultValue={business.name} error={errors.name} size="2" autoComplete="organization" />
            <Flex gap="4">
              <Box flexGrow="1" flexBasis="0"><Field id="profile-email" name="email" type="email" label="Support email" placeholder="support@company.com" defaultValue={business.email ?? ''} error={errors.email} size="2" /></Box>
              <Box flexGrow="1" flexBasis="0"><Field id="profile-phone" name="phone" type="tel" label="Phone" placeholder="+1 555 0100" defaultValue={business.phone ?? ''} error={errors.phone} size="2" /></Box>
            </Flex>
            <Field id="profile-website" name="website" label="Website" placeholder="company.com" defaultValue={business.website ?? ''} error={errors.website} size="2" />
            <Flex justify="between" align="center" gap="3">
              <Box><SavedHint show={saved} testId="profile-saved" /></Box>
              {canEdit && <Button type="submit" loading={busy} data-testid="save-profile">Save changes</Button>}
            </Flex>
          </Flex>
        </fieldset>
      </form>
    </Card>
  );
}
