import { useState, type FormEvent } from 'react';
import { Button, Dialog, Flex, Select, Text } from '@radix-ui/themes';
import { PlusIcon } from '@radix-ui/react-icons';
import { api, ApiError, errorMessage } from '../lib/api';
import { useToast } from '../lib/toast';
import { ROLE_LABEL, type Invitation, type Role } from '../lib/types';
import { Field } from '../auth/field';
import { ErrorCallout } from '../auth/form-error';
import { emailError } from '../auth/validation';
import { grantableRoles, ROLE_HELP } from './roles';

/** "Invite teammate" button and its dialog: email + role, sent through the API. */
export function InviteDialog({ businessId, actorRole, onInvited }: { businessId: string; actorRole: Role; onInvited: () => void }) {
  const notify = useToast();
  const roles = grantableRoles(actorRole, true);
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>('agent');
  const [errors, setErrors] = useState<{ email?: string; role?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email') ?? '').trim();
    const invalid = emailError(email);
    if (invalid) return setErrors({ email: invalid });
    setBusy(true);
    setErrors({});
    try {
      const invitation = await api<Invitation>(`/businesses/${businessId}/team`, { method: 'POST', body: { email, role } });
      setOpen(false);
      notify(`Invitation sent to ${invitation.email}`);
      onInvited();
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 409) setErrors({ email: err.message });
      else if (err instanceof ApiError && err.statusCode === 400) setErrors({ ...err.fieldErrors(['email', 'role']), form: err.formError(['email', 'role']) ?? undefined });
      else setErrors({ form: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog.Root open={open} onOpenChange={(o) => { setOpen(o); if (o) { setErrors({}); setRole('agent'); } }}>
      <Dialog.Trigger><Button data-testid="invite-open"><PlusIcon /> Invite teammate</Button></Dialog.Trigger>
      <Dialog.Content maxWidth="460px" data-testid="invite-dialog">
        <Dialog.Title>Invite a teammate</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="4">We'll email them a link to join. It works for 7 days.</Dialog.Description>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="4">
            <ErrorCallout>{errors.form}</ErrorCallout>
            <Field id="invite-email" name="email" type="email" label="Email address" placeholder="teammate@company.com" autoFocus error={errors.email} size="2" />
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor="invite-role">Role</Text>
              <Select.Root value={role} onValueChange={(v) => setRole(v as Role)}>
                <Select.Trigger id="invite-role" data-testid="invite-role" />
                <Select.Content position="popper">{roles.map((r) => <Select.Item key={r} value={r}>{ROLE_LABEL[r]}</Select.Item>)}</Select.Content>
              </Select.Root>
              <Text size="1" color={errors.role ? 'red' : 'gray'}>{errors.role ?? ROLE_HELP[role]}</Text>
            </Flex>
            <Flex justify="end" gap="3" mt="2">
              <Dialog.Close><Button type="button" variant="soft" color="gray">Cancel</Button></Dialog.Close>
              <Button type="submit" loading={busy} data-testid="invite-send">Send invitation</Button>
            </Flex>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
