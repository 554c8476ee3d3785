import { BadRequestException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, isGrpcServiceError } from '@temporalio/client';
import { PLAN_TYPES } from '@crosschat/core';
import { BusinessIdKey, StatusKey } from '@crosschat/workflows/search-attributes';
import { SUBSCRIPTION_WORKFLOW, subscriptionWorkflowId } from '@crosschat/workflows/ids';
import type { PaymentSucceededSignal } from '@crosschat/workflows/billing/types';
import type { subscriptionLifecycle } from '@crosschat/workflows/billing/subscription.workflow';
import { TemporalService } from '../temporal/temporal.service.js';

const PAYMENT_SUCCEEDED = 'paymentSucceeded';
// gRPC codes meaning "the server is down or overloaded right now": DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE.
const TRANSIENT_GRPC_CODES = new Set([4, 8, 14]);

/** Starts and signals each business's subscription workflow (`subscription:<businessId>`). */
@Injectable()
export class SubscriptionService {
  constructor(private readonly temporal: TemporalService) {}

  /**
   * Starts the business's trial clock. Idempotent: when the workflow already runs, or has
   * already decided this business's trial, nothing happens (a trial is never restarted).
   * A business without trial_ends_at has no trial left: it expires unless paid.
   */
  async startTrial(business: { id: string; trial_ends_at?: Date | null }): Promise<void> {
    const client = await this.temporal.client();
    await this.reachTemporal(async () => {
      try {
        await client.workflow.start<typeof subscriptionLifecycle>(SUBSCRIPTION_WORKFLOW, {
          ...this.workflowOptions(business.id),
          args: [{ businessId: business.id, trialEndsAt: (business.trial_ends_at ?? new Date()).toISOString() }],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    });
  }

  /**
   * A payment for the business succeeded (payment-provider webhook). Signals the running
   * workflow; when none runs (trial already over, or lost), starts one that activates at once.
   */
  async markPaid(businessId: string, payment: PaymentSucceededSignal = {}): Promise<void> {
    if (payment.planType != null && !(PLAN_TYPES as readonly string[]).includes(payment.planType)) {
      throw new BadRequestException(`planType must be one of: ${PLAN_TYPES.join(', ')}`);
    }
    const client = await this.temporal.client();
    await this.reachTemporal(() =>
      client.workflow.signalWithStart<typeof subscriptionLifecycle, [PaymentSucceededSignal]>(SUBSCRIPTION_WORKFLOW, {
        ...this.workflowOptions(businessId),
        args: [{ businessId, trialEndsAt: new Date().toISOString() }],
        signal: PAYMENT_SUCCEEDED,
        signalArgs: [payment],
      }),
    );
  }

  private workflowOptions(businessId: string) {
    return {
      workflowId: subscriptionWorkflowId(businessId),
      taskQueue: this.temporal.taskQueue,
      typedSearchAttributes: [
        { key: BusinessIdKey, value: businessId },
        { key: StatusKey, value: 'trial' },
      ],
    };
  }

  /** Temporal failing after we connected (restart, network) is still "retry later" for callers. */
  private async reachTemporal<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const code = error instanceof ServiceError && isGrpcServiceError(error.cause) ? error.cause.code : undefined;
      if (code !== undefined && TRANSIENT_GRPC_CODES.has(code)) throw new ServiceUnavailableException('Workflow engine unavailable, retry later');
      throw error;
    }
  }
}
