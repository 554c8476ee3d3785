import { Injectable } from '@nestjs/common';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import { BusinessIdKey, StatusKey } from '@crosschat/workflows/search-attributes';
import { SUBSCRIPTION_WORKFLOW, subscriptionWorkflowId } from '@crosschat/workflows/billing/ids';
import type { PaymentSucceededSignal } from '@crosschat/workflows/billing/types';
import { TemporalService } from '../temporal/temporal.service.js';

/** Starts and signals each business's subscription workflow (`subscription:<businessId>`). */
@Injectable()
export class SubscriptionService {
  constructor(private readonly temporal: TemporalService) {}

  async startTrial(business: { id: string; trial_ends_at?: Date | null }): Promise<void> {
    const client = await this.temporal.client();
    const trialEndsAt = (business.trial_ends_at ?? new Date()).toISOString();
    await client.workflow.start(SUBSCRIPTION_WORKFLOW, {
      workflowId: subscriptionWorkflowId(business.id),
      taskQueue: this.temporal.taskQueue,
      args: [{ businessId: business.id, trialEndsAt }],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [{ key: BusinessIdKey, value: business.id }, { key: StatusKey, value: 'trial' }],
    });
  }

  async markPaid(businessId: string, payment: PaymentSucceededSignal): Promise<void> {
    const client = await this.temporal.client();
    await client.workflow.getHandle(subscriptionWorkflowId(businessId)).signal('paymentSucceeded', payment);
  }
}
