import { useEffect, useState } from 'react';
import { Badge, Button, DropdownMenu, Flex, Heading, IconButton, Popover, Select, Text, TextField, Tooltip } from '@radix-ui/themes';
import { CheckIcon, ChevronDownIcon, Cross2Icon, PersonIcon, PlusIcon } from '@radix-ui/react-icons';
import { api } from '../lib/api';
import type { ConversationItem, TeamMember } from '../lib/types';
import { PlatformBadge } from './platform';
import { PresenceDot, useOnlineTeam } from '../lib/presence';
import { useShell } from '../shell/context';

type Conversation = ConversationItem & {
  business_id?: string; priority?: string; tags?: string[] | null;
  satisfaction_rating?: number | null; satisfaction_comment?: string | null;
};

const RATING_COLOR = (rating: number) => (rating >= 4 ? 'green' : rating === 3 ? 'amber' : 'red') as 'green' | 'amber' | 'red';

const SNOOZES: [string, number][] = [['1 hour', 3600], ['4 hours', 4 * 3600], ['Tomorrow', 24 * 3600], ['Next week', 7 * 24 * 3600]];
const PRIORITY_COLOR: Record<string, 'gray' | 'blue' | 'orange' | 'red'> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

/** Who the conversation is with, and what the team does with it: assign, status, snooze, priority, tags. */
export function ConversationHeader({ conversation, name, onChanged }: { conversation: Conversation; name: string; onChanged: () => void }) {
  const [team, setTeam] = useState<TeamMember[]>([]);
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const businessId = conversation.business_id;
  const { user } = useShell();
  const online = useOnlineTeam(businessId ?? '', user.id);
  useEffect(() => {
    if (businessId) void api<TeamMember[]>(`/businesses/${businessId}/team`).then(setTeam).catch(() => setTeam([]));
  }, [businessId]);

  const act = (p: Promise<unknown>) => p.then(() => { setError(null); onChanged(); }).catch((e: Error) => setError(e.message));
  const assignee = team.find((m) => m.id === conversation.assigned_to);
  const setStatus = (status: string, snoozeSeconds?: number) => act(api(`/conversations/${conversation.id}/status`, {
    method: 'PATCH', body: { status, ...(snoozeSeconds ? { snoozed_until: new Date(Date.now() + snoozeSeconds * 1000).toISOString() } : {}) },
  }));

  return (
    <div className="pane-header" style={{ height: 'auto', flexDirection: 'column', alignItems: 'stretch', gap: 8, paddingTop: 10, paddingBottom: 10 }}>
      <Flex direction="column" gap="1" style={{ minWidth: 0 }}>
        <Heading as="h2" size="3" truncate>{name}</Heading>
        <Flex gap="2" align="center" wrap="wrap">
          <PlatformBadge platform={conversation.platform} />
          {conversation.satisfaction_rating ? (
            <Tooltip content={conversation.satisfaction_comment ? `“${conversation.satisfaction_comment}”` : 'The customer rated this conversation'}>
              <Badge variant="soft" color={RATING_COLOR(conversation.satisfaction_rating)} data-testid="csat-badge" aria-label={`Rated ${conversation.satisfaction_rating} out of 5`}>
                ★ {conversation.satisfaction_rating}/5
              </Badge>
            </Tooltip>
          ) : null}
          {(conversation.tags ?? []).map((t) => (
            <Badge key={t} variant="surface" color="gray">{t}
              <IconButton size="1" variant="ghost" color="gray" aria-label={`Remove tag ${t}`} onClick={() => act(api(`/conversations/${conversation.id}/tags/${encodeURIComponent(t)}`, { method: 'DELETE' }))}><Cross2Icon width={10} height={10} /></IconButton>
            </Badge>
          ))}
          <Popover.Root>
            <Popover.Trigger><Button size="1" variant="ghost" color="gray" aria-label="Add tag"><PlusIcon /> Tag</Button></Popover.Trigger>
            <Popover.Content width="220px">
              <form onSubmit={(e) => { e.preventDefault(); if (tag.trim()) void act(api(`/conversations/${conversation.id}/tags`, { method: 'POST', body: { tags: [tag.trim()] } })).then(() => setTag('')); }}>
                <TextField.Root size="1" autoFocus placeholder="e.g. refund" value={tag} onChange={(e) => setTag(e.target.value)} aria-label="New tag" />
              </form>
            </Popover.Content>
          </Popover.Root>
          {error && <Text size="1" color="red">{error}</Text>}
        </Flex>
      </Flex>
      <Flex gap="2" align="center" justify="end" wrap="wrap">

      <Select.Root value={conversation.priority ?? 'normal'} onValueChange={(priority) => act(api(`/conversations/${conversation.id}`, { method: 'PATCH', body: { priority } }))}>
        <Select.Trigger variant="soft" color={PRIORITY_COLOR[conversation.priority ?? 'normal']} aria-label="Priority" />
        <Select.Content>{['low', 'normal', 'high', 'urgent'].map((p) => <Select.Item key={p} value={p}>{p[0]!.toUpperCase() + p.slice(1)}</Select.Item>)}</Select.Content>
      </Select.Root>

      <DropdownMenu.Root>
        <DropdownMenu.Trigger>
          <Button variant="soft" color="gray" data-testid="assign-menu"><PersonIcon /> {assignee ? (assignee.user.full_name ?? assignee.user.email) : 'Unassigned'} <ChevronDownIcon /></Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content>
          {team.filter((m) => m.is_active).map((m) => (
            <DropdownMenu.Item key={m.id} onSelect={() => act(api(`/conversations/${conversation.id}/assign`, { method: 'POST', body: { assigned_to: m.id } }))}>
              {m.id === conversation.assigned_to ? <CheckIcon /> : <span style={{ width: 15 }} />} <PresenceDot online={online.has(m.user_id)} /> {m.user.full_name ?? m.user.email}
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator />
          <DropdownMenu.Item onSelect={() => act(api(`/conversations/${conversation.id}/assign`, { method: 'POST', body: { assigned_to: null } }))}>Unassign</DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Root>

      <Flex>
        {conversation.status === 'resolved' || conversation.status === 'closed' ? (
          <Button variant="soft" onClick={() => setStatus('open')}>Reopen</Button>
        ) : (
          <Tooltip content="Resolve (e)"><Button onClick={() => setStatus('resolved')} style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}><CheckIcon /> Resolve</Button></Tooltip>
        )}
        <DropdownMenu.Root>
          <DropdownMenu.Trigger>
            <IconButton variant={conversation.status === 'resolved' ? 'soft' : 'solid'} aria-label="More status options" style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, marginLeft: 1 }}><ChevronDownIcon /></IconButton>
          </DropdownMenu.Trigger>
          <DropdownMenu.Content align="end">
            <DropdownMenu.Label>Snooze until</DropdownMenu.Label>
            {SNOOZES.map(([label, seconds]) => <DropdownMenu.Item key={label} onSelect={() => setStatus('pending', seconds)}>{label}</DropdownMenu.Item>)}
            <DropdownMenu.Separator />
            <DropdownMenu.Item onSelect={() => setStatus('pending')}>Mark pending</DropdownMenu.Item>
            <DropdownMenu.Item onSelect={() => setStatus('closed')}>Close</DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Root>
      </Flex>
      </Flex>
    </div>
  );
}
