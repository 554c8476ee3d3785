import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import { MessageSchema, type Message } from '@crosschat/core';
import { BusinessIdKey, ConversationIdKey, PlatformKey, StatusKey } from '@crosschat/workflows/search-attributes';
import { DELIVER_MESSAGE_WORKFLOW, deliveryWorkflowId } from '@crosschat/workflows/delivery/ids';
import { TemporalService } from '../temporal/temporal.service.js';

/** Hands outbound messages to their delivery workflow (`deliver:<messageId>`). */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(private readonly em: EntityManager, private readonly temporal: TemporalService) {}

  /**
   * Starts the delivery workflow. When Temporal cannot be reached the message is marked
   * `failed` (the agent can retry it) and the request answers 503.
   */
  async dispatch(message: Message, options: { retry?: boolean } = {}): Promise<void> {
    try {
      const client = await this.temporal.client();
      await client.workflow.start(DELIVER_MESSAGE_WORKFLOW, {
        workflowId: deliveryWorkflowId(message.id),
        taskQueue: this.temporal.taskQueue,
        args: [{ messageId: message.id, businessId: message.business_id, conversationId: message.conversation_id, platform: message.platform }],
        workflowIdReusePolicy: options.retry ? WorkflowIdReusePolicy.ALLOW_DUPLICATE : WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [
          { key: BusinessIdKey, value: message.business_id },
          { key: ConversationIdKey, value: message.conversation_id },
          { key: PlatformKey, value: message.platform },
          { key: StatusKey, value: 'sending' },
        ],
      });
    } catch (error) {
      this.logger.warn(`delivery of message ${message.id} could not start: ${(error as Error).message}`);
      await this.em.nativeUpdate(MessageSchema, { id: message.id }, {
        status: 'failed',
        metadata: { ...(message.metadata ?? {}), delivery_error: 'The delivery service is unavailable; retry shortly' },
      });
      message.status = 'failed';
      throw error;
    }
  }
}
