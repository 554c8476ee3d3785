export interface DeliverMessageInput {
  messageId: string;
  businessId: string;
  conversationId: string;
  platform: string;
}

export type DeliveryOutcome =
  | { status: 'delivered'; platformMessageId: string | null }
  | { status: 'failed'; reason: string };

/** Thrown by channel adapters for errors a retry cannot fix (bad recipient, revoked token...). */
export const PERMANENT_DELIVERY_ERROR = 'PermanentDeliveryError';
