import { useId, useState } from 'react';
import { Badge, Flex, Text, TextField } from '@radix-ui/themes';
import { Cross2Icon, PlusIcon } from '@radix-ui/react-icons';
import { api, errorMessage } from '../lib/api';
import { useToast } from '../lib/toast';
import type { Customer } from './types';

/**
 * The customer's tags, each removable, and a field that adds one on Enter. Used by the inbox's
 * customer sidebar and the customer profile.
 */
export function CustomerTags({ customer, editable, onChange, suggestions = [], justify = 'start', inputWidth = 96, emptyText }: {
  customer: Pick<Customer, 'id' | 'tags'>;
  editable: boolean;
  /** Called with the customer as the API returns it after the change. */
  onChange: (customer: Customer) => void;
  /** Tags in use elsewhere, offered while typing. */
  suggestions?: string[];
  justify?: 'start' | 'center';
  inputWidth?: number;
  /** Shown when there are no tags (and none can be added). */
  emptyText?: string;
}) {
  const notify = useToast();
  const listId = useId();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const tags = customer.tags ?? [];

  const add = async () => {
    const tag = draft.trim();
    if (!tag || busy) return;
    setBusy(true);
    try {
      onChange(await api<Customer>(`/customers/${customer.id}/tags`, { method: 'POST', body: { tags: [tag] } }));
      setDraft('');
    } catch (e) {
      notify(errorMessage(e).replace(/^each value in tags /, 'A tag '), 'error');
    } finally {
      setBusy(false);
    }
  };
  const remove = async (tag: string) => {
    try {
      onChange(await api<Customer>(`/customers/${customer.id}/tags/${encodeURIComponent(tag)}`, { method: 'DELETE' }));
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  const offered = suggestions.filter((s) => !tags.includes(s));
  return (
    <Flex gap="1" wrap="wrap" justify={justify} align="center" data-testid="customer-tags">
      {tags.map((t) => (
        <Badge key={t} variant="soft" radius="full" className="tag-chip" data-testid="customer-tag">
          {t}
          {editable && (
            <button type="button" className="tag-remove" aria-label={`Remove tag ${t}`} title="Remove tag" onClick={() => void remove(t)}>
              <Cross2Icon width={10} height={10} />
            </button>
          )}
        </Badge>
      ))}
      {!editable && tags.length === 0 && emptyText && <Text size="2" color="gray">{emptyText}</Text>}
      {editable && (
        <form onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <TextField.Root size="1" variant="soft" color="gray" placeholder="Add tag" value={draft} onChange={(e) => setDraft(e.target.value)} disabled={busy}
            aria-label="Add a customer tag" className="tag-input" list={offered.length ? listId : undefined} maxLength={50} style={{ width: inputWidth }} data-testid="customer-tag-input">
            <TextField.Slot><PlusIcon width={12} height={12} /></TextField.Slot>
          </TextField.Root>
          {offered.length > 0 && <datalist id={listId}>{offered.map((s) => <option key={s} value={s} />)}</datalist>}
        </form>
      )}
    </Flex>
  );
}
