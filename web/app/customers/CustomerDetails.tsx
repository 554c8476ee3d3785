import { useState, type FormEvent } from 'react';
import { Button, Card, DataList, Flex, Heading, Link as RadixLink, Text } from '@radix-ui/themes';
import { Pencil1Icon } from '@radix-ui/react-icons';
import { api, ApiError, errorMessage } from '../lib/api';
import { useToast } from '../lib/toast';
import { Field } from '../auth/field';
import { ErrorCallout } from '../auth/form-error';
import { PlatformBadge } from '../inbox/platform';
import { channelsOf, type Customer } from './types';

const FIELDS = ['name', 'email', 'phone'] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName | 'form', string>>;

const Missing = ({ children }: { children: string }) => <Text color="gray">{children}</Text>;

/** Name, email and phone, read as a list and edited in place (the API's field messages show under the fields). */
export function CustomerDetails({ customer, editable, onChange }: { customer: Customer; editable: boolean; onChange: (customer: Customer) => void }) {
  const notify = useToast();
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const cancel = () => { setEditing(false); setErrors({}); };
  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // Only what changed; an emptied field clears it (null: the API refuses "" as an email).
    const changes: Partial<Record<FieldName, string | null>> = {};
    for (const field of FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value !== (customer[field] ?? '')) changes[field] = value === '' ? null : value;
    }
    if (Object.keys(changes).length === 0) return cancel();
    setBusy(true);
    setErrors({});
    try {
      onChange(await api<Customer>(`/customers/${customer.id}`, { method: 'PATCH', body: changes }));
      notify('Customer details saved');
      setEditing(false);
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 400) setErrors({ ...err.fieldErrors(FIELDS), form: err.formError(FIELDS) ?? undefined });
      else setErrors({ form: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  const channels = channelsOf(customer);
  return (
    <Card size="2" data-testid="customer-details">
      <Flex justify="between" align="center" mb="3" gap="2">
        <Heading as="h2" size="3">Contact details</Heading>
        {editable && !editing && (
          <Button size="1" variant="soft" color="gray" onClick={() => setEditing(true)} data-testid="customer-edit"><Pencil1Icon /> Edit</Button>
        )}
      </Flex>
      {editing ? (
        <form onSubmit={save} noValidate data-testid="customer-edit-form" onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); cancel(); } }}>
          <Flex direction="column" gap="3">
            <ErrorCallout>{errors.form}</ErrorCallout>
            <Field id="customer-name" name="name" label="Name" size="2" defaultValue={customer.name ?? ''} error={errors.name} autoComplete="off" autoFocus placeholder="Full name" />
            <Field id="customer-email" name="email" type="email" label="Email" size="2" defaultValue={customer.email ?? ''} error={errors.email} autoComplete="off" placeholder="name@example.com" />
            <Field id="customer-phone" name="phone" type="tel" label="Phone" size="2" defaultValue={customer.phone ?? ''} error={errors.phone} autoComplete="off" placeholder="+1 555 0100" />
            <Text size="1" color="gray">Leave a field empty to clear it.</Text>
            <Flex gap="2" justify="end">
              <Button type="button" variant="soft" color="gray" onClick={cancel} disabled={busy}>Cancel</Button>
              <Button type="submit" loading={busy} data-testid="customer-save">Save</Button>
            </Flex>
          </Flex>
        </form>
      ) : (
        <DataList.Root size="2" orientation="vertical" className="customer-datalist">
          <DataList.Item>
            <DataList.Label>Name</DataList.Label>
            <DataList.Value data-testid="customer-detail-name">{customer.name?.trim() ? customer.name : <Missing>Not given</Missing>}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Email</DataList.Label>
            <DataList.Value>{customer.email ? <RadixLink href={`mailto:${customer.email}`} className="break-all">{customer.email}</RadixLink> : <Missing>Not given</Missing>}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Phone</DataList.Label>
            <DataList.Value>{customer.phone ? <RadixLink href={`tel:${customer.phone.replace(/[^\d+]/g, '')}`}>{customer.phone}</RadixLink> : <Missing>Not given</Missing>}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Channels</DataList.Label>
            <DataList.Value>{channels.length ? <Flex gap="1" wrap="wrap">{channels.map((p) => <PlatformBadge key={p} platform={p} />)}</Flex> : <Missing>None yet</Missing>}</DataList.Value>
          </DataList.Item>
        </DataList.Root>
      )}
    </Card>
  );
}
