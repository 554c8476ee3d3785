import { timeAgo } from '../lib/format';
import type { ConversationItem, Role } from '../lib/types';

/** A note an agent left on a customer (kept newest first in the customer's metadata). */
export interface CustomerNote {
  id: string;
  text: string;
  author_id?: string;
  author_name: string | null;
  created_at?: string;
}

/** A customer as the API returns it (GET /customers, GET /customers/:id). */
export interface Customer {
  id: string;
  business_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  avatar_url?: string | null;
  tags: string[] | null;
  /** Channel → the customer's id there (widget visitor id, WhatsApp number, …). */
  platform_identifiers?: Record<string, string | null> | null;
  metadata: { notes?: CustomerNote[]; [key: string]: unknown } | null;
  customer_since: string;
  last_contact_at: string | null;
  total_conversations: number;
  created_at?: string;
}

export interface CustomerPage {
  data: Customer[];
  next_cursor: string | null;
}

/** A row of GET /customers/:id/conversations: the inbox's list item plus its business. */
export type CustomerConversation = ConversationItem & { business_id?: string; created_at?: string };

/** The channels the customer is known on, in a stable order. */
export function channelsOf(customer: Pick<Customer, 'platform_identifiers'>): string[] {
  return Object.entries(customer.platform_identifiers ?? {}).filter(([, id]) => id != null && id !== '').map(([platform]) => platform).sort();
}

/** What to call the customer: their name, else a contact detail, else where they came from. */
export function customerName(customer: Pick<Customer, 'name' | 'email' | 'phone' | 'platform_identifiers'>): string {
  const name = customer.name?.trim();
  if (name) return name;
  if (customer.email) return customer.email;
  if (customer.phone) return customer.phone;
  return 'Visitor'; // as the inbox calls them
}

/** "Just now", "5m ago", "3h ago", "2d ago", then a short date. */
export function ago(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = timeAgo(iso);
  return t === 'now' ? 'Just now' : /^\d+[mhd]$/.test(t) ? `${t} ago` : t;
}

export const customerNotes = (customer: Pick<Customer, 'metadata'>): CustomerNote[] =>
  Array.isArray(customer.metadata?.notes) ? customer.metadata.notes : [];

/** Mirrors the API's default role permissions (core/src/team/permissions.ts). */
export const canEditCustomers = (role: Role): boolean => role !== 'limited_agent';
/** Deleting a customer is for owners and admins. */
export const canDeleteCustomers = (role: Role): boolean => role === 'owner' || role === 'admin';
