import { useEffect, useState } from 'react';
import { Badge, Card, Flex, Skeleton, Table, Text } from '@radix-ui/themes';
import { PersonIcon } from '@radix-ui/react-icons';
import { api } from '../lib/api';
import { timeAgo } from '../lib/format';
import { useShell } from '../shell/context';
import { EmptyState } from '../shell/empty-state';
import { PageHeader } from '../shell/page-header';
import { UserAvatar } from '../shell/user-avatar';

interface Customer { id: string; name: string | null; email: string | null; phone: string | null; tags: string[] | null; total_conversations: number; last_contact_at: string | null }

/** Everyone who wrote in, on any channel: one profile per person. */
export default function Customers() {
  const { business } = useShell();
  const [customers, setCustomers] = useState<Customer[] | null>(null);
  useEffect(() => {
    setCustomers(null);
    void api<{ data: Customer[] }>(`/customers?business_id=${business.id}&limit=100`).then((r) => setCustomers(r.data)).catch(() => setCustomers([]));
  }, [business.id]);

  return (
    <div className="page">
      <PageHeader title="Customers" description="One profile per person, across every channel they use." />
      {customers === null ? (
        <Card size="1"><Flex direction="column" gap="3" p="3">{[0, 1, 2].map((i) => <Skeleton key={i} height="32px" />)}</Flex></Card>
      ) : customers.length === 0 ? (
        <Card size="1">
          <EmptyState icon={<PersonIcon width={22} height={22} />} title="No customers yet" testId="customers-empty">
            Everyone who writes to you on any channel gets a profile here, with all their conversations in one place.
          </EmptyState>
        </Card>
      ) : (
        <Card size="1" style={{ padding: 0 }}>
          <Table.Root variant="ghost" data-testid="customers-table">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Customer</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Tags</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell width="140px" justify="end">Conversations</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell width="140px">Last contact</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {customers.map((c) => {
                const name = c.name ?? c.email ?? c.phone ?? 'Website visitor';
                return (
                  <Table.Row key={c.id} align="center" data-testid="customer-row">
                    <Table.RowHeaderCell>
                      <Flex gap="3" align="center">
                        <UserAvatar name={name} />
                        <Flex direction="column" style={{ minWidth: 0 }}>
                          <Text size="2" weight="medium" truncate>{name}</Text>
                          <Text size="1" color="gray" truncate>{c.email ?? c.phone ?? 'No contact details yet'}</Text>
                        </Flex>
                      </Flex>
                    </Table.RowHeaderCell>
                    <Table.Cell><Flex gap="1" wrap="wrap">{(c.tags ?? []).map((t) => <Badge key={t} variant="soft">{t}</Badge>)}</Flex></Table.Cell>
                    <Table.Cell justify="end">{c.total_conversations}</Table.Cell>
                    <Table.Cell><Text size="2" color="gray">{c.last_contact_at ? timeAgo(c.last_contact_at) : '—'}</Text></Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table.Root>
        </Card>
      )}
    </div>
  );
}
