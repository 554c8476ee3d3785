import { useCallback, useEffect, useState } from 'react';
import { Badge, Card, Flex, IconButton, Select, Skeleton, Table, Tabs, Text } from '@radix-ui/themes';
import { EnvelopeClosedIcon, TrashIcon } from '@radix-ui/react-icons';
import { api, errorMessage } from '../lib/api';
import { formatDate } from '../lib/format';
import { useToast } from '../lib/toast';
import { ROLE_LABEL, type Invitation, type Role, type TeamMember } from '../lib/types';
import { PresenceDot, useOnlineTeam } from '../lib/presence';
import { useShell } from '../shell/context';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { EmptyState } from '../shell/empty-state';
import { PageHeader } from '../shell/page-header';
import { UserAvatar } from '../shell/user-avatar';
import { InviteDialog } from './invite-dialog';
import { canManageTeam, grantableRoles, ROLE_COLOR } from './roles';

function RoleBadge({ role }: { role: Role }) {
  return <Badge variant="soft" color={ROLE_COLOR[role]} data-testid="role-badge">{ROLE_LABEL[role]}</Badge>;
}

/** Live presence (dashboard open) over the member's saved status. */
function Status({ member, live }: { member: TeamMember; live: boolean }) {
  if (!member.is_active) return <Badge color="gray" variant="outline">Deactivated</Badge>;
  const away = !live && (member.user.status === 'away' || member.user.status === 'busy');
  return (
    <Flex align="center" gap="2">
      {away ? <span aria-hidden="true" style={{ width: 8, height: 8, borderRadius: 4, background: 'var(--amber-9)' }} /> : <PresenceDot online={live} />}
      <Text size="2" color="gray" style={{ textTransform: 'capitalize' }}>{live ? 'online' : away ? member.user.status : 'offline'}</Text>
    </Flex>
  );
}

export default function Team() {
  const { business, user } = useShell();
  const online = useOnlineTeam(business.id, user.id);
  const notify = useToast();
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [tab, setTab] = useState('members');
  const canManage = canManageTeam(business.role);

  const load = useCallback(async () => {
    try {
      const [team, pending] = await Promise.all([
        api<TeamMember[]>(`/businesses/${business.id}/team`),
        canManage ? api<Invitation[]>(`/businesses/${business.id}/invitations`) : Promise.resolve([]),
      ]);
      setMembers(team);
      setInvitations(pending);
    } catch (e) {
      setMembers((m) => m ?? []);
      notify(errorMessage(e), 'error');
    }
  }, [business.id, canManage, notify]);
  useEffect(() => { void load(); }, [load]);

  /** Runs an API change, then reloads and says what happened. */
  const act = (request: Promise<unknown>, success: string) => request.then(() => { notify(success); return load(); }).catch((e: unknown) => notify(errorMessage(e), 'error'));

  const count = members?.length ?? 0;
  return (
    <div className="page">
      <PageHeader title="Team" description={`${count} ${count === 1 ? 'member' : 'members'} in ${business.name}${canManage ? '' : ' · only owners and admins can manage the team'}`}
        action={canManage && <InviteDialog businessId={business.id} actorRole={business.role} onInvited={() => { void load(); setTab('invitations'); }} />} />

      <Tabs.Root value={tab} onValueChange={setTab}>
        <Tabs.List mb="4">
          <Tabs.Trigger value="members" data-testid="tab-members">Members <Badge ml="2" size="1" variant="soft" color="gray" radius="full">{count}</Badge></Tabs.Trigger>
          {canManage && <Tabs.Trigger value="invitations" data-testid="tab-invitations">Pending invitations <Badge ml="2" size="1" variant="soft" color="gray" radius="full">{invitations.length}</Badge></Tabs.Trigger>}
        </Tabs.List>

        <Tabs.Content value="members">
          <Card size="1" style={{ padding: 0 }}>
            <Table.Root variant="ghost" data-testid="team-table">
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Member</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell width="180px">Role</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell width="140px">Status</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell width="140px">Joined</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell width="56px"><span className="visually-hidden">Actions</span></Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {members === null && [0, 1].map((i) => (
                  <Table.Row key={i}><Table.Cell colSpan={5}><Flex gap="3" align="center"><Skeleton width="32px" height="32px" style={{ borderRadius: 999 }} /><Skeleton width="220px" height="14px" /></Flex></Table.Cell></Table.Row>
                ))}
                {members?.map((m) => {
                  const name = m.user.full_name ?? m.user.email;
                  const self = m.user_id === user.id;
                  const editable = canManage && !self && !(m.role === 'owner' && business.role !== 'owner');
                  const roles = grantableRoles(business.role);
                  return (
                    <Table.Row key={m.id} align="center" data-testid="team-row">
                      <Table.RowHeaderCell>
                        <Flex gap="3" align="center">
                          <UserAvatar name={name} url={m.user.avatar_url} />
                          <Flex direction="column" style={{ minWidth: 0 }}>
                            <Flex gap="2" align="center"><Text size="2" weight="medium" truncate>{name}</Text>{self && <Badge size="1" variant="outline" color="gray">You</Badge>}</Flex>
                            <Text size="1" color="gray" truncate>{m.user.email}{m.title ? ` · ${m.title}` : ''}</Text>
                          </Flex>
                        </Flex>
                      </Table.RowHeaderCell>
                      <Table.Cell>
                        {editable ? (
                          <Select.Root value={m.role} size="1" onValueChange={(role) => act(api(`/businesses/${business.id}/team/${m.id}/role`, { method: 'PATCH', body: { role } }), `${name} is now ${ROLE_LABEL[role as Role].toLowerCase()}`)}>
                            <Select.Trigger variant="soft" color={ROLE_COLOR[m.role]} aria-label={`Role of ${name}`} data-testid="role-select" />
                            <Select.Content position="popper">
                              {!roles.includes(m.role) && <Select.Item value={m.role} disabled>{ROLE_LABEL[m.role]}</Select.Item>}
                              {roles.map((r) => <Select.Item key={r} value={r}>{ROLE_LABEL[r]}</Select.Item>)}
                            </Select.Content>
                          </Select.Root>
                        ) : <RoleBadge role={m.role} />}
                      </Table.Cell>
                      <Table.Cell><Status member={m} live={online.has(m.user_id)} /></Table.Cell>
                      <Table.Cell><Text size="2" color="gray" wrap="nowrap">{formatDate(m.joined_at)}</Text></Table.Cell>
                      <Table.Cell justify="end">
                        {editable && (
                          <ConfirmDialog testId="remove-member" title={`Remove ${name}?`} confirmLabel="Remove from team"
                            description={<>They lose access to <b>{business.name}</b> right away. Conversations assigned to them stay, unassigned.</>}
                            onConfirm={() => act(api(`/businesses/${business.id}/team/${m.id}`, { method: 'DELETE' }), `${name} was removed from the team`)}
                            trigger={<IconButton variant="ghost" color="gray" aria-label={`Remove ${name}`} data-testid="remove-member-open" title="Remove from team"><TrashIcon /></IconButton>} />
                        )}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table.Root>
          </Card>
        </Tabs.Content>

        {canManage && (
          <Tabs.Content value="invitations">
            <Card size="1" style={{ padding: 0 }}>
              {invitations.length === 0 ? (
                <EmptyState size="sm" icon={<EnvelopeClosedIcon width={22} height={22} />} title="No pending invitations">Invite teammates by email. Invitations waiting for an answer are listed here.</EmptyState>
              ) : (
                <Table.Root variant="ghost" data-testid="invitations-table">
                  <Table.Header>
                    <Table.Row>
                      <Table.ColumnHeaderCell>Email</Table.ColumnHeaderCell>
                      <Table.ColumnHeaderCell width="180px">Role</Table.ColumnHeaderCell>
                      <Table.ColumnHeaderCell width="160px">Expires</Table.ColumnHeaderCell>
                      <Table.ColumnHeaderCell width="56px"><span className="visually-hidden">Actions</span></Table.ColumnHeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {invitations.map((i) => (
                      <Table.Row key={i.id} align="center" data-testid="invitation-row">
                        <Table.RowHeaderCell>
                          <Flex gap="3" align="center">
                            <span className="empty-icon" style={{ width: 32, height: 32, borderRadius: 999, margin: 0, background: 'var(--gray-a3)', color: 'var(--gray-11)' }} aria-hidden="true"><EnvelopeClosedIcon /></span>
                            <Text size="2">{i.email}</Text>
                          </Flex>
                        </Table.RowHeaderCell>
                        <Table.Cell><RoleBadge role={i.role} /></Table.Cell>
                        <Table.Cell><Text size="2" color="gray" wrap="nowrap">{formatDate(i.expires_at)}</Text></Table.Cell>
                        <Table.Cell justify="end">
                          <ConfirmDialog title={`Withdraw the invitation for ${i.email}?`} confirmLabel="Withdraw" description="The link in their email stops working."
                            onConfirm={() => act(api(`/businesses/${business.id}/invitations/${i.id}`, { method: 'DELETE' }), 'Invitation withdrawn')}
                            trigger={<IconButton variant="ghost" color="gray" aria-label={`Withdraw invitation for ${i.email}`} title="Withdraw invitation"><TrashIcon /></IconButton>} />
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table.Root>
              )}
            </Card>
          </Tabs.Content>
        )}
      </Tabs.Root>
    </div>
  );
}
