import type { EntityManager } from '@mikro-orm/postgresql';
import { ConversationSchema, type Conversation, type ConversationPlatform } from '../db/entities/conversation.js';
import { MessageSchema, type Attachment, type Message } from '../db/entities/message.js';
import type { Customer } from '../db/entities/customer.js';
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
 * Stores one inbound customer message idempotently, in one transaction: the customer profile
 * (one per person), the conversation (the person's latest continuable one on this platform, or
 * a new one) and the message. A repeat of the same external id stores nothing new.
 */
export async function recordInboundMessage(em: EntityManager, input: InboundMessage): Promise<InboundResult> {
  return em.transactional(async (tx) => {
    // Same key as the customer upsert (advisory locks nest within a transaction): concurrent
    // deliveries from one sender are serialised, so a duplicate sees the first one's row.
    await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [customerLockKey(input.businessId, input.platform, input.senderExternalId)], 'all', tx.getTransactionContext());
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
      customer.total_conversations = (customer.total_conversations ?? 0) + 1;
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
    // The counters trigger updated the conversation row; reload what the caller will show.
    await tx.refresh(conversation);
    return { message, conversation, customer, created: true };
  });
}
