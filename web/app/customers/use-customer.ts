import { useCallback, useEffect, useState } from 'react';
import { api, isApiError, type ApiError } from '../lib/api';
import type { Customer, CustomerConversation } from './types';

export interface CustomerState {
  /** null until the first load, or when it failed; while another id loads, the previous customer (compare ids). */
  customer: Customer | null;
  conversations: CustomerConversation[] | null;
  /** The API has no such customer (or it belongs to a business the user is not in). */
  notFound: boolean;
  error: ApiError | null;
  /** Replaces the customer after a change the caller made (tags, notes, edits). */
  setCustomer: (customer: Customer) => void;
  reload: () => void;
}

/** A customer and all their conversations; reloads when the id changes. */
export function useCustomer(customerId: string | undefined): CustomerState {
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [conversations, setConversations] = useState<CustomerConversation[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (!customerId) return;
    let live = true;
    setError(null);
    api<Customer>(`/customers/${customerId}`).then((c) => { if (live) setCustomer(c); }).catch((e: unknown) => {
      if (!live) return;
      setCustomer(null);
      setError(isApiError(e) ? e : null);
    });
    api<{ data: CustomerConversation[] }>(`/customers/${customerId}/conversations`).then((r) => { if (live) setConversations(r.data); }).catch(() => { if (live) setConversations([]); });
    return () => { live = false; };
  }, [customerId, generation]);

  // An id the API refuses to parse (400) is as missing as an unknown one (404).
  const notFound = !!error && (error.status === 404 || error.status === 400);
  return { customer, conversations, notFound, error, setCustomer, reload };
}
