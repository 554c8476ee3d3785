import { ApplicationFailure } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  ConversationSchema, CustomerSchema, MessageSchema, PermanentDeliveryError, PlatformIntegrationSchema,
  type ChannelRegistry,
} from '@crosschat/core';
import type { DeliverMessageInput, DeliveryOutcome } from '@crosschat/workflows/delivery/types';
import { PERMANENT_DELIVERY_ERROR } from '@crosschat/workflows/delivery/types';

const permanent = (message: string) => ApplicationFailure.nonRetryable(message, PERMANENT_DELIVERY_ERROR);

export function createDeliveryActivities(orm: MikroORM, channels: ChannelRegistry) {
  return {
    /** Sends through the conversation's channel; idempotent for a message already delivered. */
    async sendThroughChannel(input: DeliverMessageInput): Promise<{ platformMessageId: string | null }> {
      const em = orm.em.fork();
      const message = await em.findOne(MessageSchema, { id: input.messageId });
      if (!message) throw permanent('The message no longer exists');
      if (message.status === 'delivered' || message.status === 'read') return { platformMessageId: message.platform_message_id ?? null };
      const conversation = await em.findOne(ConversationSchema, { id: message.conversation_id });
      if (!conversation || conversation.deleted_at) throw permanent('The conversation no longer exists');
      const customer = await em.findOneOrFail(CustomerSchema, { id: conversation.customer_id });
      const adapter = channels.get(conversation.platform);
      if (!adapter) throw permanent(`Replies on ${conversation.platform} are not supported yet`);
      const integration = await em.findOne(PlatformIntegrationSchema, { business_id: conversation.business_id, platform: conversation.platform as never, is_active: true });
      try {
        return await adapter.send({ message, conversation, customer, integration });
      } catch (error) {
        if (error instanceof PermanentDeliveryError) throw permanent(error.message);
        throw error;
      }
    },

    /** Moves the message to delivered/failed; never moves a read or delivered message back. */
    async recordDeliveryOutcome(messageId: string, outcome: DeliveryOutcome): Promise<void> {
      const connection = orm.em.getConnection();
      if (outcome.status === 'delivered') {
        await connection.execute(
          `update messages set status = 'delivered', delivered_at = coalesce(delivered_at, now()),
                  platform_message_id = coalesce(platform_message_id, ?), metadata = metadata - 'delivery_error'
            where id = ? and status in ('sending', 'sent', 'failed')`,
          [outcome.platformMessageId, messageId],
        );
      } else {
        await connection.execute(
          `update messages set status = 'failed', metadata = coalesce(metadata, '{}'::jsonb) || jsonb_build_object('delivery_error', ?::text)
            where id = ? and status in ('sending', 'sent')`,
          [outcome.reason, messageId],
        );
      }
    },
  };
}
