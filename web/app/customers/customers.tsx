import { useEffect, useState } from 'react';
import { Badge, Card, Flex, Heading, Table, Text } from '@radix-ui/themes';
import { PersonIcon } from '@radix-ui/react-icons';
import { api } from '../lib/api';
import { useShell } from '../shell/context';
import { EmptyState } from '../shell/empty-state';
import { UserAvatar } from '../shell/user-avatar';

interface Customer { id: string; name: string | null; email: string | null; phone: string | null; tags: string[] | null; total_conversations: number; last_contact_at: string | null }

export default function Customers() {
  const { business } = useShell();
  const [customers, setCustomers] = useState<Customer[] | null>(null);
  useEffect(() => { void api<{ data: Customer[] }>(`/customers?business_id=${business.id}&limit=100`).then((r) => setCustomers(r.data)); }, [business.id]);
  return (
    <div className="page">
      <Heading size="6" mb="1">Customers</Heading>
      <Text color="gray" size="2" as="p" mb="5">One profile per person, across every channel they use.</Text>
      {customers && customers.length === 0 ? (
        <Card><EmptyState icon={<PersonIcon width={24} height={24} />} title="No customers yet">Everyone who writes to you on any channel gets a profile here, with all their conversations in one place.</EmptyState></Card>
      ) : (
        <Card size="1">
          <Table.Root>
            <Table.Header><Table.Row><Table.ColumnHeaderCell>Name</Table.ColumnHeaderCell><Table.ColumnHeaderCell>Tags</Table.ColumnHeaderCell><Table.ColumnHeaderCell>Conversations</Table.ColumnHeaderCell><Table.ColumnHeaderCell>Last contact</Table.ColumnHeaderCell></Table.Row></Table.Header>
            <Table.Body>
              {(customers ?? []).map((c) => (
                <Table.Row key={c.id} align="center">
                  <Table.Cell><Flex gap="3" align="center"><UserAvatar name={c.name ?? c.email ?? '?'} /><Flex direction="column"><Text size="2" weight="medium">{c.name ?? 'Visitor'}</Text><Text size="1" color="gray">{c.email ?? c.phone ?? ''}</Text></Flex></Flex></Table.Cell>
                  <Table.Cell><Flex gap="1">{(c.tags ?? []).map((t) => <Badge key={t} variant="soft">{t}</Badge>)}</Flex></Table.Cell>
                  <Table.Cell>{c.total_conversations}</Table.Cell>
                  <Table.Cell><Text size="2" color="gray">{c.last_contact_at ? new Date(c.last_contact_at).toLocaleString() : '—'}</Text></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        </Card>
      )}
    </div>
  );
}
