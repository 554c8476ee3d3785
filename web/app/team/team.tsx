import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AlertDialog, Badge, Box, Button, Callout, Card, Dialog, Flex, Heading, IconButton, Select, Table, Text } from '@radix-ui/themes';
import { CheckCircledIcon, EnvelopeClosedIcon, PlusIcon, TrashIcon } from '@radix-ui/react-icons';
import { api, ApiError } from '../lib/api';
import { ROLE_LABEL, type Invitation, type Role, type TeamMember } from '../lib/types';
import { useShell } from '../shell/context';
import { UserAvatar } from '../shell/user-avatar';
import { Field } from '../auth/field';

const MANAGERS: Role[] = ['owner', 'admin'];
const ASSIGNABLE: Role[] = ['admin', 'manager', 'agent', 'limited_agent'];

function InviteDialog({ businessId, onInvited }: { businessId: string; onInvited: () => void }) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>('agent');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/businesses/${businessId}/team`, { method: 'POST', body: { email: String(new FormData(e.currentTarget).get('email')), role } });
      setOpen(false);
      onInvited();
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger><Button data-testid="invite-open"><PlusIcon /> Invite teammate</Button></Dialog.Trigger>
      <Dialog.Content maxWidth="440px">
        <Dialog.Title>Invite a teammate</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="4">They get an email with a link to join this business.</Dialog.Description>
        <form onSubmit={submit}>
          <Flex direction="column" gap="3">
            <Field id="invite-email" name="email" type="email" label="Email" required autoFocus error={error ?? undefined} />
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor="invite-role">Role</Text>
              <Select.Root value={role} onValueChange={(v) => setRole(v as Role)}>
                <Select.Trigger id="invite-role" />
                <Select.Content>{ASSIGNABLE.map((r) => <Select.Item key={r} value={r}>{ROLE_LABEL[r]}</Select.Item>)}</Select.Content>
              </Select.Root>
            </Flex>
            <Flex justify="end" gap="2" mt="2">
              <Dialog.Close><Button type="button" variant="soft" color="gray">Cancel</Button></Dialog.Close>
              <Button type="submit" loading={busy} data-testid="invite-send">Send invitation</Button>
            </Flex>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}

export default function Team() {
  const { business, user } = useShell();
  const [members, setMembers] = useState<TeamMember[]>([]);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const canManage = MANAGERS.includes(business.role);

  const load = useCallback(async () => {
    setMembers(await api<TeamMember[]>(`/businesses/${business.id}/team`));
    if (canManage) setInvitations(await api<Invitation[]>(`/businesses/${business.id}/invitations`));
  }, [business.id, canManage]);
  useEffect(() => { void load(); }, [load]);

  const act = (p: Promise<unknown>, message: string) => p.then(() => { setNotice(message); return load(); }).catch((e: Error) => setNotice(e.message));

  return (
    <div className="page">
      <Flex justify="between" align="center" mb="5">
        <div>
          <Heading size="6">Team</Heading>
          <Text color="gray" size="2">{members.length} {members.length === 1 ? 'member' : 'members'} in {business.name}</Text>
        </div>
        {canManage && <InviteDialog businessId={business.id} onInvited={() => { setNotice('Invitation sent'); void load(); }} />}
      </Flex>
      {notice && <Callout.Root mb="4" color="indigo"><Callout.Icon><CheckCircledIcon /></Callout.Icon><Callout.Text>{notice}</Callout.Text></Callout.Root>}
      <Card size="1">
        <Table.Root>
          <Table.Header>
            <Table.Row><Table.ColumnHeaderCell>Member</Table.ColumnHeaderCell><Table.ColumnHeaderCell>Role</Table.ColumnHeaderCell><Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell><Table.ColumnHeaderCell /></Table.Row>
          </Table.Header>
          <Table.Body>
            {members.map((m) => {
              const name = m.user.full_name ?? m.user.email;
              const editable = canManage && !(m.role === 'owner' && business.role !== 'owner') && m.user_id !== user.id;
              return (
                <Table.Row key={m.id} align="center" data-testid="team-row">
                  <Table.Cell><Flex gap="3" align="center"><UserAvatar name={name} /><Flex direction="column"><Text size="2" weight="medium">{name}{m.user_id === user.id ? ' (you)' : ''}</Text><Text size="1" color="gray">{m.user.email}</Text></Flex></Flex></Table.Cell>
                  <Table.Cell>
                    {editable ? (
                      <Select.Root value={m.role} onValueChange={(role) => act(api(`/businesses/${business.id}/team/${m.id}/role`, { method: 'PATCH', body: { role } }), 'Role updated')}>
                        <Select.Trigger variant="ghost" aria-label={`Role of ${name}`} />
                        <Select.Content>{(business.role === 'owner' ? ['owner', ...ASSIGNABLE] as Role[] : ASSIGNABLE.filter((r) => r !== 'admin')).map((r) => <Select.Item key={r} value={r}>{ROLE_LABEL[r]}</Select.Item>)}</Select.Content>
                      </Select.Root>
                    ) : <Badge variant="soft" color={m.role === 'owner' ? 'indigo' : 'gray'}>{ROLE_LABEL[m.role]}</Badge>}
                  </Table.Cell>
                  <Table.Cell><Badge color={m.user.status === 'online' ? 'green' : 'gray'} variant="soft">{m.is_active ? m.user.status : 'deactivated'}</Badge></Table.Cell>
                  <Table.Cell justify="end">
                    {editable && (
                      <AlertDialog.Root>
                        <AlertDialog.Trigger><IconButton variant="ghost" color="red" aria-label={`Remove ${name}`}><TrashIcon /></IconButton></AlertDialog.Trigger>
                        <AlertDialog.Content maxWidth="420px">
                          <AlertDialog.Title>Remove {name}?</AlertDialog.Title>
                          <AlertDialog.Description size="2">They lose access to {business.name} immediately. Their conversations stay.</AlertDialog.Description>
                          <Flex gap="2" justify="end" mt="4">
                            <AlertDialog.Cancel><Button variant="soft" color="gray">Cancel</Button></AlertDialog.Cancel>
                            <AlertDialog.Action><Button color="red" onClick={() => act(api(`/businesses/${business.id}/team/${m.id}`, { method: 'DELETE' }), `${name} was removed`)}>Remove</Button></AlertDialog.Action>
                          </Flex>
                        </AlertDialog.Content>
                      </AlertDialog.Root>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table.Root>
      </Card>
      {canManage && invitations.length > 0 && (
        <Box mt="6">
          <Heading size="3" mb="3">Pending invitations</Heading>
          <Card>
            <Flex direction="column" gap="3">
              {invitations.map((i) => (
                <Flex key={i.id} align="center" gap="3" data-testid="invitation-row">
                  <EnvelopeClosedIcon color="var(--gray-9)" />
                  <Text size="2" style={{ flex: 1 }}>{i.email}</Text>
                  <Badge variant="soft">{ROLE_LABEL[i.role]}</Badge>
                  <Text size="1" color="gray">expires {new Date(i.expires_at).toLocaleDateString()}</Text>
                  <Button size="1" variant="ghost" color="red" onClick={() => act(api(`/businesses/${business.id}/invitations/${i.id}`, { method: 'DELETE' }), 'Invitation withdrawn')}>Withdraw</Button>
                </Flex>
              ))}
            </Flex>
          </Card>
        </Box>
      )}
    </div>
  );
}
