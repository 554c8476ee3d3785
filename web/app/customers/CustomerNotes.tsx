import { useState } from 'react';
import { Button, Flex, Text, TextArea } from '@radix-ui/themes';
import { api, errorMessage } from '../lib/api';
import { useToast } from '../lib/toast';
import { UserAvatar } from '../shell/user-avatar';
import { ago, customerNotes, type Customer, type CustomerNote } from './types';

const fullTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });


/** One note: its text, who wrote it and when. */
function Note({ note, compact }: { note: CustomerNote; compact: boolean }) {
  const author = note.author_name ?? 'A teammate';
  return (
    <li className="customer-note" data-testid="customer-note-item">
      {!compact && <UserAvatar name={author} size="1" />}
      <div style={{ minWidth: 0, flex: 1 }}>
        <Flex gap="2" align="baseline" wrap="wrap">
          <Text size="1" weight="medium">{author}</Text>
          {note.created_at && <Text size="1" color="gray" asChild><time dateTime={note.created_at} title={fullTime(note.created_at)}>{ago(note.created_at)}</time></Text>}
        </Flex>
        <Text as="p" size="2" className="customer-note-text">{note.text}</Text>
      </div>
    </li>
  );
}

/**
 * Notes about the customer, newest first, and a box to add one (Enter saves, Shift+Enter starts
 * a new line). Used by the inbox's customer sidebar and the customer profile.
 */
export function CustomerNotes({ customer, editable, onChange, compact = false }: {
  customer: Customer;
  editable: boolean;
  /** Called with the customer, the new note first in its notes. */
  onChange: (customer: Customer) => void;
  /** The sidebar's narrow layout: no avatars, the button only while typing. */
  compact?: boolean;
}) {
  const notify = useToast();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const notes = customerNotes(customer);

  const save = async () => {
    const note = text.trim();
    if (!note || busy) return;
    setBusy(true);
    try {
      const saved = await api<CustomerNote>(`/customers/${customer.id}/notes`, { method: 'POST', body: { text: note } });
      onChange({ ...customer, metadata: { ...(customer.metadata ?? {}), notes: [saved, ...customerNotes(customer)] } });
      setText('');
    } catch (e) {
      notify(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" gap="3">
      {editable && (
        <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <TextArea size={compact ? '1' : '2'} placeholder="Add a note about this customer…" value={text} onChange={(e) => setText(e.target.value)} aria-label="New customer note"
            rows={compact ? 2 : 3} maxLength={5000} disabled={busy} data-testid="customer-note" resize="vertical"
            onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void save(); } }} />
          {(!compact || text.trim()) && (
            <Flex justify="between" align="center" mt="2" gap="2">
              <Text size="1" color="gray">{compact ? '' : 'Only your team sees notes. Enter saves, Shift+Enter adds a line.'}</Text>
              <Button type="submit" size="1" disabled={!text.trim()} loading={busy} data-testid="customer-note-save">Save note</Button>
            </Flex>
          )}
        </form>
      )}
      {notes.length === 0 ? (
        <Text size="2" color="gray" data-testid="customer-notes-empty">{editable ? 'No notes yet. Add context your teammates should know.' : 'No notes yet.'}</Text>
      ) : (
        <ul className={`customer-notes${compact ? ' compact' : ''}`} aria-label="Notes">
          {notes.map((n) => <Note key={n.id} note={n} compact={compact} />)}
        </ul>
      )}
    </Flex>
  );
}
