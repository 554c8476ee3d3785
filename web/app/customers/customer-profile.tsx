import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Badge, Button, Callout, Card, Flex, Heading, Skeleton, Text } from '@radix-ui/themes';
import { ArrowLeftIcon, ChatBubbleIcon, EnvelopeClosedIcon, ExclamationTriangleIcon, MobileIcon, PersonIcon, TrashIcon } from '@radix-ui/react-icons';
import { api, errorMessage } from '../lib/api';
import { formatDate } from '../lib/format';
import { useToast } from '../lib/toast';
import { useShell } from '../shell/context';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { EmptyState } from '../shell/empty-state';
import { UserAvatar } from '../shell/user-avatar';
import { PlatformBadge } from '../inbox/platform';
import { CustomerConversations } from './CustomerConversations';
import { CustomerDetails } from './CustomerDetails';
import { CustomerNotes } from './CustomerNotes';
import { CustomerTags } from './CustomerTags';
import { ago, canDeleteCustomers, canEditCustomers, channelsOf, customerName, customerNotes } from './types';
import { useCustomer } from './use-customer';

function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId?: string }) {
  return (
    <Card size="2" data-testid={testId}>
      <Flex align="center" gap="2" mb="3">
        <Heading as="h2" size="3">{title}</Heading>
        {count !== undefined && <Badge size="1" variant="soft" color="gray" radius="full" className="num">{count}</Badge>}
      </Flex>
      {children}
    </Card>
  );
}

function Stat({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="mini-stat">
      <Text as="div" size="1" color="gray" weight="medium">{label}</Text>
      <div className="stat-value-sm" title={title} style={{ marginTop: 4 }}>{value}</div>
    </div>
  );
}

function LoadingProfile() {
  return (
    <Flex direction="column" gap="4" aria-busy="true" aria-label="Loading customer">
      <Card size="3"><Flex gap="4" align="center"><Skeleton width="64px" height="64px" style={{ borderRadius: 999 }} /><Flex direction="column" gap="2"><Skeleton width="220px" height="22px" /><Skeleton width="160px" height="14px" /></Flex></Flex></Card>
      <div className="customer-profile-grid">
        <Card size="2"><Flex direction="column" gap="3">{[0, 1, 2].map((i) => <Skeleton key={i} height="44px" />)}</Flex></Card>
        <Card size="2"><Flex direction="column" gap="3">{[0, 1, 2].map((i) => <Skeleton key={i} height="28px" />)}</Flex></Card>
      </div>
    </Flex>
  );
}

/** One customer: who they are, every conversation across channels, tags and the team's notes. */
export default function CustomerProfile() {
  const { business } = useShell();
  const { customerId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useToast();
  const { customer: loaded, conversations, notFound, error, setCustomer, reload } = useCustomer(customerId);
  const customer = loaded?.id === customerId ? loaded : null;

  // The directory passes its search along, so "Customers" returns to the same results.
  const from = (location.state as { from?: unknown } | null)?.from;
  const directory = `/app/${business.id}/customers${typeof from === 'string' && from.startsWith('?') ? from : ''}`;

  const [tagsInUse, setTagsInUse] = useState<string[]>([]);
  useEffect(() => { void api<string[]>(`/customers/tags?business_id=${business.id}`).then(setTagsInUse).catch(() => {}); }, [business.id]);

  const back = (
    <Button asChild variant="ghost" color="gray" size="2" mb="4" className="back-link">
      <Link to={directory} data-testid="customer-back"><ArrowLeftIcon /> Customers</Link>
    </Button>
  );

  if (notFound || (customer && customer.business_id !== business.id)) {
    return (
      <div className="page">
        {back}
        <Card size="1">
          <EmptyState icon={<PersonIcon width={22} height={22} />} title="Customer not found" testId="customer-not-found"
            action={<Button asChild variant="soft"><Link to={directory}>Back to customers</Link></Button>}>
            This customer may have been deleted, or the link points to another business.
          </EmptyState>
        </Card>
      </div>
    );
  }
  if (!customer) {
    return (
      <div className="page">
        {back}
        {error ? (
          <Callout.Root color="red" role="alert">
            <Callout.Icon><ExclamationTriangleIcon /></Callout.Icon>
            <Callout.Text>Couldn’t load this customer: {error.message} <Button size="1" variant="soft" color="red" ml="2" onClick={reload}>Try again</Button></Callout.Text>
          </Callout.Root>
        ) : <LoadingProfile />}
      </div>
    );
  }

  const name = customerName(customer);
  const editable = canEditCustomers(business.role);
  const channels = channelsOf(customer);
  const list = conversations ?? [];
  const latest = list[0];
  const remove = async () => {
    try {
      await api(`/customers/${customer.id}`, { method: 'DELETE' });
      notify(`${name} was deleted`);
      navigate(directory, { replace: true });
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  return (
    <div className="page" data-testid="customer-profile">
      {back}
      <Card size="1" className="customer-hero" mb="4">
        <Flex gap="4" align="center" p="4" wrap="wrap">
          <UserAvatar name={name} url={customer.avatar_url} size="4" />
          <Flex direction="column" gap="1" style={{ flex: '1 1 240px', minWidth: 0 }}>
            <Heading as="h1" size="6" className="tight" truncate data-testid="customer-name">{name}</Heading>
            <Flex gap="4" wrap="wrap" align="center">
              {customer.email && <Text size="2" color="gray" className="icon-text"><EnvelopeClosedIcon aria-label="Email" /> {customer.email}</Text>}
              {customer.phone && <Text size="2" color="gray" className="icon-text"><MobileIcon aria-label="Phone" /> {customer.phone}</Text>}
              {!customer.email && !customer.phone && <Text size="2" color="gray">No contact details yet</Text>}
              {channels.length > 0 && <Flex gap="1" wrap="wrap">{channels.map((p) => <PlatformBadge key={p} platform={p} />)}</Flex>}
            </Flex>
          </Flex>
          <Flex gap="2" align="center">
            {latest && (
              <Button asChild variant="soft">
                <Link to={`/app/${business.id}/inbox/${latest.id}`}><ChatBubbleIcon /> Open latest conversation</Link>
              </Button>
            )}
            {canDeleteCustomers(business.role) && (
              <ConfirmDialog testId="delete-customer" title={`Delete ${name}?`} confirmLabel="Delete customer" onConfirm={remove}
                description={<>Their profile, tags and notes are removed from <b>{business.name}</b>. Their conversations stay in the inbox.</>}
                trigger={<Button variant="soft" color="red" data-testid="delete-customer-open"><TrashIcon /> Delete</Button>} />
            )}
          </Flex>
        </Flex>
        <div className="mini-stats customer-stats">
          <Stat label="Conversations" value={String(customer.total_conversations)} />
          <Stat label="Last contact" value={ago(customer.last_contact_at)}
            title={customer.last_contact_at ? new Date(customer.last_contact_at).toLocaleString() : undefined} />
          <Stat label="Customer since" value={formatDate(customer.customer_since)} />
          <Stat label="Notes" value={String(customerNotes(customer).length)} />
        </div>
      </Card>

      <div className="customer-profile-grid">
        <Flex direction="column" gap="4" style={{ minWidth: 0 }}>
          <Section title="Conversations" count={conversations ? list.length : undefined} testId="customer-conversations">
            {conversations === null ? (
              <Flex direction="column" gap="2">{[0, 1].map((i) => <Skeleton key={i} height="52px" />)}</Flex>
            ) : list.length === 0 ? (
              <EmptyState size="sm" icon={<ChatBubbleIcon width={22} height={22} />} title="No conversations">
                Conversations with {name} on any channel show up here.
              </EmptyState>
            ) : (
              <CustomerConversations conversations={list} businessId={business.id} />
            )}
          </Section>
          <Section title="Notes" testId="customer-notes">
            <CustomerNotes customer={customer} editable={editable} onChange={setCustomer} />
          </Section>
        </Flex>
        <Flex direction="column" gap="4" style={{ minWidth: 0 }}>
          <CustomerDetails customer={customer} editable={editable} onChange={setCustomer} />
          <Section title="Tags">
            <CustomerTags customer={customer} editable={editable} onChange={setCustomer} suggestions={tagsInUse} inputWidth={120} emptyText="No tags." />
            {editable && (customer.tags ?? []).length === 0 && <Text as="p" size="1" color="gray" mt="2" mb="0">Tag customers to find them again, e.g. <i>vip</i> or <i>wholesale</i>.</Text>}
          </Section>
        </Flex>
      </div>
    </div>
  );
}
