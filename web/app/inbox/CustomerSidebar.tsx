import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Badge, Box, Button, Flex, Heading, Separator, Text, TextArea, TextField } from '@radix-ui/themes';
import { PersonIcon } from '@radix-ui/react-icons';
import { api } from '../lib/api';
import type { ConversationItem } from '../lib/types';
import { UserAvatar } from '../shell/user-avatar';
import { PlatformBadge } from './platform';

interface Customer { id: string; name: string | null; email: string | null; phone: string | null; tags: string[] | null; customer_since: string; total_conversations: number; metadata: { notes?: { id: string; text: string; author_name: string | null }[] } | null }

export function CustomerSidebar({ conversation }: { conversation: ConversationItem | null }) {
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [others, setOthers] = useState<ConversationItem[]>([]);
  const [note, setNote] = useState('');
  const [tag, setTag] = useState('');
  const customerId = conversation?.customer.id;
  const reload = () => customerId && void api<Customer>(`/customers/${customerId}`).then(setCustomer).catch(() => {});
  const addNote = () => { if (note.trim()) void api(`/customers/${customerId}/notes`, { method: 'POST', body: { text: note.trim() } }).then(() => { setNote(''); reload(); }); };
  const addTag = () => { if (tag.trim()) void api(`/customers/${customerId}/tags`, { method: 'POST', body: { tags: [tag.trim()] } }).then(() => { setTag(''); reload(); }); };
  useEffect(() => {
    if (!customerId) return;
    void api<Customer>(`/customers/${customerId}`).then(setCustomer).catch(() => setCustomer(null));
    void api<{ data: ConversationItem[] }>(`/customers/${customerId}/conversations`).then((r) => setOthers(r.data)).catch(() => setOthers([]));
  }, [customerId]);

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
  const name = customer.name ?? customer.email ?? 'Visitor';
  return (
    <aside className="inbox-pane inbox-customer" aria-label="Customer">
      <Flex direction="column" align="center" gap="2" p="5">
        <UserAvatar name={name} size="3" />
        <Heading size="3">{name}</Heading>
        <Text size="2" color="gray">{customer.email ?? customer.phone ?? 'No contact details yet'}</Text>
        <Flex gap="1" wrap="wrap" justify="center" align="center">
          {(customer.tags ?? []).map((t) => <Badge key={t} variant="soft">{t}</Badge>)}
          <form onSubmit={(e) => { e.preventDefault(); addTag(); }}>
            <TextField.Root size="1" placeholder="+ tag" value={tag} onChange={(e) => setTag(e.target.value)} aria-label="Add a customer tag" style={{ width: 80 }} />
          </form>
        </Flex>
      </Flex>
      <Separator size="4" />
      <Box p="4">
        <Text size="1" weight="bold" color="gray" as="p" mb="2">CONVERSATIONS ({others.length})</Text>
        <Flex direction="column" gap="2">
          {others.map((c) => (
            <Flex key={c.id} justify="between" align="center" asChild>
              <Link to={`/app/${(c as ConversationItem & { business_id?: string }).business_id}/inbox/${c.id}`} style={{ textDecoration: 'none', color: 'inherit' }} aria-current={c.id === conversation.id ? 'true' : undefined}>
              <PlatformBadge platform={c.platform} />
              <Text size="1" color="gray">{c.status}</Text>
              </Link>
            </Flex>
          ))}
        </Flex>
        <Text size="1" weight="bold" color="gray" as="p" mt="4" mb="2">NOTES</Text>
        <TextArea size="1" placeholder="Add a note about this customer…" value={note} onChange={(e) => setNote(e.target.value)} aria-label="New customer note" mb="2"
          onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); addNote(); } }} data-testid="customer-note" />
        {note.trim() && <Flex justify="end" mb="2"><Button size="1" onClick={addNote}>Save note</Button></Flex>}
        {(customer.metadata?.notes ?? []).length === 0 ? <Text size="2" color="gray">No notes yet.</Text> : customer.metadata!.notes!.map((n) => (
          <Box key={n.id} mb="2" p="2" style={{ background: 'var(--gray-a2)', borderRadius: 8 }}><Text size="2">{n.text}</Text><Text size="1" color="gray" as="p">{n.author_name}</Text></Box>
        ))}
      </Box>
    </aside>
  );
}
