import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConversationSchema, type Conversation, type ConversationPlatform } from '../db/entities/conversation.js';
import { MessageSchema, type Attachment, type Message } from '../db/entities/message.js';
import { CustomerSchema, type Customer } from '../db/entities/customer.js';
import { customerLockKey, upsertCustomerByIdentifier, type CustomerProfile, type IdentityPlatform } from '../customers/identity.js';

export interface InboundMessage {
  businessId: string;
  platform: ConversationPlatform;
  /** The sender's id on the platform (phone number, PSID, visitor id...). */
  senderExternalId: string;
  senderProfile?: CustomerProfile;
  /** The platform's message id: the idempotency key. */
  externalMessageId: string;
  platformConversationId?: string | null;
  content: string;
  contentType?: Message['content_type'];
  attachments?: Attachment[];
  subject?: string | null;
  metadata?: Record<string, unknown>;
}

export interface InboundResult {
  message: Message;
  conversation: Conversation;
  customer: Customer;
  /** False when this external message id was stored before (a repeated webhook). */
  created: boolean;
}

/** Conversations in these states take new messages; closed or archived ones make way for a new one. */
const CONTINUABLE = ['open', 'pending', 'resolved'];

/**
 * The usual message, in one statement: a known sender (found by platform identifier) writing in
 * their latest conversation, which is open and not snoozed, with a new external id. Inserts
 * nothing (and returns no row) in any other case, which the general path then handles. Same
 * rows as the general path: the database triggers keep the conversation counters and the
 * customer's last contact.
 */
const INSERT_USUAL_MESSAGE = `
with sender as (
  select id, name, email from customers
   where business_id = ?::uuid and deleted_at is null and platform_identifiers ->> ?::text = ?::text
   limit 1
), latest as (
  select cv.id, cv.status, cv.snoozed_until, s.id as customer_id, coalesce(s.name, s.email) as sender_name
    from conversations cv join sender s on s.id = cv.customer_id
   where cv.business_id = ?::uuid and cv.platform = ?::text and cv.deleted_at is null and cv.status in ('open', 'pending', 'resolved')
   order by cv.created_at desc
   limit 1
)
insert into messages (id, conversation_id, business_id, sender_type, sender_id, sender_name, content, content_type, attachments,
                      platform, platform_message_id, status, delivered_at, is_internal_note, metadata)
select ?::uuid, l.id, ?::uuid, 'customer', l.customer_id, l.sender_name, ?::text, ?::text, ?::jsonb,
       ?::text, ?::text, 'delivered', ?::timestamptz, false, ?::jsonb
  from latest l
 where l.status = 'open' and l.snoozed_until is null
   and not exists (select 1 from messages m where m.business_id = ?::uuid and m.platform = ?::text and m.platform_message_id = ?::text)
on conflict (business_id, platform, platform_message_id) where platform_message_id is not null do nothing
returning *`;

/** The conversation and customer after the insert (the triggers updated their counters). */
const AFTER_INSERT = `
select to_jsonb(cv) as conversation, to_jsonb(c) as customer
  from conversations cv join customers c on c.id = cv.customer_id
 where cv.id = ?::uuid`;

const hasProfile = (profile: CustomerProfile | undefined) =>
  !!profile && Object.values(profile).some((value) => value !== null && value !== undefined && value !== '');

/**
 * Stores one inbound customer message idempotently, in one transaction: the customer profile
 * (one per person), the conversation (the person's latest continuable one on this platform, or
 * a new one) and the message. A repeat of the same external id stores nothing new.
 */
export async function recordInboundMessage(em: EntityManager, input: InboundMessage): Promise<InboundResult> {
  return em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    // Same key as the customer upsert (advisory locks nest within a transaction): concurrent
    // deliveries from one sender are serialised, so a duplicate sees the first one's row. The
    // lock is its own statement: the statements after it see what the previous holder committed.
    await connection.execute('select pg_advisory_xact_lock(hashtext(?))', [customerLockKey(input.businessId, input.platform, input.senderExternalId)], 'all', context);
    if (!hasProfile(input.senderProfile)) {
      const [row] = await connection.execute<Record<string, unknown>[]>(INSERT_USUAL_MESSAGE, [
        input.businessId, input.platform, input.senderExternalId,
        input.businessId, input.platform,
        randomUUID(), input.businessId, input.content, input.contentType ?? 'text', JSON.stringify(input.attachments ?? []),
        input.platform, input.externalMessageId, new Date(), JSON.stringify(input.metadata ?? {}),
        input.businessId, input.platform, input.externalMessageId,
      ], 'all', context);
      if (row) {
        const [after] = await connection.execute<{ conversation: Record<string, unknown>; customer: Record<string, unknown> }[]>(AFTER_INSERT, [row.conversation_id], 'all', context);
        return {
          message: tx.map(MessageSchema, row),
          conversation: tx.map(ConversationSchema, after!.conversation),
          customer: tx.map(CustomerSchema, after!.customer),
          created: true,
        };
      }
    }
    return recordInGeneral(tx, input);
  });
}

/** Every other case: a repeated external id, a new sender or profile data, a new or reopened conversation. */
async function recordInGeneral(tx: EntityManager, input: InboundMessage): Promise<InboundResult> {
  const existing = await tx.findOne(MessageSchema, { business_id: input.businessId, platform: input.platform, platform_message_id: input.externalMessageId });
  if (existing) {
    const conversation = await tx.findOneOrFail(ConversationSchema, { id: existing.conversation_id });
    const customer = await upsertCustomerByIdentifier(tx, input.businessId, input.platform as IdentityPlatform, input.senderExternalId, input.senderProfile);
    return { message: existing, conversation, customer, created: false };
  }
  const customer = await upsertCustomerByIdentifier(tx, input.businessId, input.platform as IdentityPlatform, input.senderExternalId, input.senderProfile);
  let conversation = await tx.findOne(
    ConversationSchema,
    { business_id: input.businessId, customer_id: customer.id, platform: input.platform, deleted_at: null, status: { $in: CONTINUABLE as never } },
    { orderBy: { created_at: 'desc' } },
  );
  if (!conversation) {
    conversation = tx.create(ConversationSchema, {
      business_id: input.businessId,
      customer_id: customer.id,
      platform: input.platform,
      platform_conversation_id: input.platformConversationId ?? null,
      subject: input.subject ?? null,
      tags: [],
    } as never);
  } else if (conversation.status !== 'open' || conversation.snoozed_until) {
    conversation.status = 'open';
    conversation.snoozed_until = null;
    conversation.resolved_at = null;
  }
  // FK columns are plain scalars (no ORM relations), so flush the parent before its child.
  await tx.flush();
  const message = tx.create(MessageSchema, {
    conversation_id: conversation.id,
    business_id: input.businessId,
    sender_type: 'customer',
    sender_id: customer.id,
    sender_name: customer.name ?? customer.email ?? null,
    content: input.content,
    content_type: input.contentType ?? 'text',
    attachments: input.attachments ?? [],
    platform: input.platform,
    platform_message_id: input.externalMessageId,
    status: 'delivered',
    delivered_at: new Date(),
    is_internal_note: false,
    metadata: input.metadata ?? {},
  } as never);
  await tx.flush();
  // Triggers updated the conversation's and the customer's counters; reload what the caller will show.
  await tx.refresh(conversation);
  await tx.refresh(customer);
  return { message, conversation, customer, created: true };
}
