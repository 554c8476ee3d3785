import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError } from '@temporalio/client';
import { BusinessSchema, type Conversation, type Message } from '@crosschat/core';
import { BusinessIdKey, ConversationIdKey, PlatformKey, StatusKey } from '@crosschat/workflows/search-attributes';
import { CONVERSATION_WORKFLOW, conversationWorkflowId } from '@crosschat/workflows/conversations/ids';
import type { ConversationLifecycleInput, StatusChangedSignal } from '@crosschat/workflows/conversations/types';
import { TemporalService } from '../temporal/temporal.service.js';

/** Default quiet period after which an open conversation resolves itself (7 days). */
const DEFAULT_AUTO_RESOLVE_SECONDS = 7 * 24 * 3600;

/** Talks to each conversation's lifecycle workflow (`conversation:<businessId>:<conversationId>`). */
@Injectable()
export class ConversationWorkflowService {
  private readonly logger = new Logger(ConversationWorkflowService.name);

  constructor(private readonly em: EntityManager, private readonly temporal: TemporalService) {}

  /**
   * A customer message: signal the workflow, starting it when it is not running. Throws 503 when Temporal is down.
   * `businessSettings`: the conversation's business settings when the caller has just read them (saves a query).
   */
  async customerMessage(conversation: Conversation, message: Message, businessSettings?: Record<string, unknown> | null): Promise<void> {
    const client = await this.temporal.client();
    const settings = businessSettings !== undefined
      ? businessSettings
      : (await this.em.findOneOrFail(BusinessSchema, { id: conversation.business_id })).settings;
    const autoResolve = (settings as { auto_resolve_after_seconds?: number } | null)?.auto_resolve_after_seconds;
    const input: ConversationLifecycleInput = {
      businessId: conversation.business_id,
      conversationId: conversation.id,
      platform: conversation.platform,
      autoResolveAfterSeconds: typeof autoResolve === 'number' && autoResolve >= 0 ? autoResolve : DEFAULT_AUTO_RESOLVE_SECONDS,
    };
    await client.workflow.signalWithStart(CONVERSATION_WORKFLOW, {
      workflowId: conversationWorkflowId(conversation.business_id, conversation.id),
      taskQueue: this.temporal.taskQueue,
      args: [input],
      signal: 'messageReceived',
      signalArgs: [{ messageId: message.id, senderType: 'customer' }],
      typedSearchAttributes: [
        { key: BusinessIdKey, value: conversation.business_id },
        { key: ConversationIdKey, value: conversation.id },
        { key: PlatformKey, value: conversation.platform },
        { key: StatusKey, value: 'open' },
      ],
    });
  }

  /** Agent activity and status changes only matter to a running workflow; none running is fine. */
  async agentMessage(conversation: Conversation, message: Message): Promise<void> {
    await this.signalIfRunning(conversation, 'messageReceived', { messageId: message.id, senderType: 'agent' });
  }

  async statusChanged(conversation: Conversation): Promise<void> {
    const signal: StatusChangedSignal = { status: conversation.status, snoozedUntil: conversation.snoozed_until ? new Date(conversation.snoozed_until).toISOString() : null };
    await this.signalIfRunning(conversation, 'statusChanged', signal);
  }

  private async signalIfRunning(conversation: Conversation, name: string, payload: unknown): Promise<void> {
    try {
      const client = await this.temporal.client();
      await client.workflow.getHandle(conversationWorkflowId(conversation.business_id, conversation.id)).signal(name, payload);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      // The row is already saved; the workflow catches up on its next signal.
      this.logger.warn(`could not signal ${name} to conversation ${conversation.id}: ${(error as Error).message}`);
    }
  }
}
