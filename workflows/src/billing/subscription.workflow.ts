import { condition, defineQuery, defineSignal, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type * as activities from '../activity-types.js';
import { BusinessIdKey, StatusKey } from '../search-attributes.js';
import type { PaymentSucceededSignal, SubscriptionLifecycleInput, SubscriptionState } from './types.js';

export const paymentSucceeded = defineSignal<[PaymentSucceededSignal]>('paymentSucceeded');
export const subscriptionState = defineQuery<SubscriptionState>('status');

const { activateSubscription, expireTrial } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * A business's trial: waits until the trial ends unless a payment arrives first; then the
 * subscription is active, or the trial expires (never overwriting a paid subscription).
 */
export async function subscriptionLifecycle(input: SubscriptionLifecycleInput): Promise<SubscriptionState> {
  const state: SubscriptionState = { status: 'trial', trialEndsAt: input.trialEndsAt, subscriptionId: null, planType: null };
  let payment: PaymentSucceededSignal | null = null;
  setHandler(paymentSucceeded, (signal) => {
    payment ??= signal;
  });
  setHandler(subscriptionState, () => state);
  upsertSearchAttributes([{ key: BusinessIdKey, value: input.businessId }, { key: StatusKey, value: 'trial' }]);

  // Date.now() is the workflow clock here (deterministic on replay).
  const until = Date.parse(input.trialEndsAt);
  const remaining = Number.isFinite(until) ? Math.max(0, until - Date.now()) : 0;
  const paidInTime = await condition(() => payment !== null, remaining);

  if (!paidInTime) {
    state.status = (await expireTrial(input.businessId)) ?? 'expired';
  }
  // Also when the payment lands while the expiry activity runs: money received wins.
  if (payment) {
    const paid: PaymentSucceededSignal = payment;
    await activateSubscription({ businessId: input.businessId, subscriptionId: paid.subscriptionId ?? null, planType: paid.planType ?? null });
    Object.assign(state, { status: 'active', subscriptionId: paid.subscriptionId ?? null, planType: paid.planType ?? null });
  }
  upsertSearchAttributes([{ key: StatusKey, value: state.status }]);
  return state;
}
