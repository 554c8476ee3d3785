import { Link } from 'react-router';
import { Box, Button, Flex, Heading, Separator, Text } from '@radix-ui/themes';
import { ArrowRightIcon, PersonIcon } from '@radix-ui/react-icons';
import { useShell } from '../shell/context';
import type { ConversationItem } from '../lib/types';
import { UserAvatar } from '../shell/user-avatar';
import { CustomerConversations } from '../customers/CustomerConversations';
import { CustomerNotes } from '../customers/CustomerNotes';
import { CustomerTags } from '../customers/CustomerTags';
import { canEditCustomers, customerName } from '../customers/types';
import { useCustomer } from '../customers/use-customer';

export function CustomerSidebar({ conversation }: { conversation: ConversationItem | null }) {
  const customerId = conversation?.customer.id;
  const { customer, conversations, setCustomer } = useCustomer(customerId);
  const { business } = useShell();
  // Limited agents see the profile but do not change it (the API would refuse).
  const editable = canEditCustomers(business.role);
  const others = conversations ?? [];

  if (!conversation || !customer) {
    return (
      <aside className="inbox-pane inbox-customer" aria-label="Customer details">
        <div className="pane-header"><Heading as="h2" size="3">Customer</Heading></div>
        <Flex p="5" direction="column" align="center" justify="center" gap="2" style={{ flex: 1, textAlign: 'center' }} data-testid="customer-empty">
          <span className="empty-icon" style={{ width: 40, height: 40, background: 'var(--gray-a3)', color: 'var(--gray-11)' }} aria-hidden="true"><PersonIcon width={18} height={18} /></span>
          <Text size="2" weight="medium">No customer selected</Text>
          <Text size="1" color="gray" style={{ maxWidth: 220 }}>Contact details, past conversations and notes show up here when you open a conversation.</Text>
        </Flex>
      </aside>
    );
  }
  const name = customerName(customer);
  return (
    <aside className="inbox-pane inbox-customer" aria-label="Customer">
      <Flex direction="column" align="center" gap="2" p="5">
        <UserAvatar name={name} url={customer.avatar_url} size="3" />
        <Heading size="3">{name}</Heading>
        <Text size="2" color="gray">{customer.email ?? customer.phone ?? 'No contact details yet'}</Text>
        <CustomerTags customer={customer} editable={editable} onChange={setCustomer} justify="center" inputWidth={88} />
        <Button asChild size="1" variant="ghost" color="gray">
          <Link to={`/app/${customer.business_id}/customers/${customer.id}`} data-testid="view-customer-profile">View profile <ArrowRightIcon /></Link>
        </Button>
      </Flex>
      <Separator size="4" />
      <Box p="4">
        <Text size="1" weight="bold" color="gray" as="p" mb="2">CONVERSATIONS ({others.length})</Text>
        <CustomerConversations conversations={others} businessId={customer.business_id} currentId={conversation.id} compact />
        <Text size="1" weight="bold" color="gray" as="p" mt="4" mb="2">NOTES</Text>
        <CustomerNotes customer={customer} editable={editable} onChange={setCustomer} compact />
      </Box>
    </aside>
  );
}
