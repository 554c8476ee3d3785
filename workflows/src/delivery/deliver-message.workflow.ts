import { ApplicationFailure, proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type * as activities from '../activity-types.js';
import { StatusKey } from '../search-attributes.js';
import { PERMANENT_DELIVERY_ERROR, type DeliverMessageInput, type DeliveryOutcome } from './types.js';

const { sendThroughChannel } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 8,
    nonRetryableErrorTypes: [PERMANENT_DELIVERY_ERROR],
  },
});

const { recordDeliveryOutcome } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * Delivers one agent reply through its channel adapter. Transient errors retry with backoff;
 * a permanent error (or running out of attempts) marks the message `failed` at once.
 * The pattern every channel adapter follows.
 */
export async function deliverMessage(input: DeliverMessageInput): Promise<DeliveryOutcome> {
  let outcome: DeliveryOutcome;
  try {
    const result = await sendThroughChannel(input);
    outcome = { status: 'delivered', platformMessageId: result.platformMessageId };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const reason = cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : String(error);
    outcome = { status: 'failed', reason };
  }
  await recordDeliveryOutcome(input.messageId, outcome);
  upsertSearchAttributes([{ key: StatusKey, value: outcome.status }]);
  return outcome;
}
