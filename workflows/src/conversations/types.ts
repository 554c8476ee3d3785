export interface ConversationLifecycleInput {
  businessId: string;
  conversationId: string;
  platform: string;
  /** Inactivity after which an open conversation resolves itself; 0 turns it off. */
  autoResolveAfterSeconds: number;
  /** Message ids already handled by an earlier run (carried across continue-as-new). */
  seenMessageIds?: string[];
  greeted?: boolean;
}

export interface MessageReceivedSignal {
  messageId: string;
  senderType: 'customer' | 'agent' | 'system' | 'ai_bot';
}

export interface StatusChangedSignal {
  status: 'open' | 'pending' | 'resolved' | 'closed' | 'archived';
  snoozedUntil?: string | null;
}

export interface ConversationLifecycleState {
  status: StatusChangedSignal['status'];
  snoozedUntil: string | null;
  messagesSeen: number;
  greeted: boolean;
  lastActivityAt: string;
  /** Until then no automatic reply can be due, so customer messages do not ask for one. */
  quietUntil?: string | null;
}
