import type { Conversation } from '../db/entities/conversation.js';
import type { Customer } from '../db/entities/customer.js';
import type { Message } from '../db/entities/message.js';
import type { PlatformIntegration } from '../db/entities/platform-integration.js';

export interface OutboundContext {
  message: Message;
  conversation: Conversation;
  customer: Customer;
  /** The business's connected account on this platform, when the channel needs one. */
  integration: PlatformIntegration | null;
}

export interface SendResult {
  platformMessageId: string | null;
}

/**
 * A channel adapter sends one outbound message. Throw `PermanentDeliveryError` for failures a
 * retry cannot fix (unknown recipient, revoked credentials, message too large); any other
 * error is treated as transient and retried with backoff by the delivery workflow.
 */
export interface ChannelAdapter {
  readonly platform: string;
  send(context: OutboundContext): Promise<SendResult>;
}

export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

export class ChannelRegistry {
  private readonly adapters = new Map<string, ChannelAdapter>();

  constructor(adapters: ChannelAdapter[] = []) {
    for (const adapter of adapters) this.register(adapter);
  }

  register(adapter: ChannelAdapter): void {
    this.adapters.set(adapter.platform, adapter);
  }

  get(platform: string): ChannelAdapter | undefined {
    return this.adapters.get(platform);
  }
}
