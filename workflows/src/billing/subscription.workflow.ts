import { condition, defineQuery, defineSignal, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type * as activities from '../activity-types.js';
import { BusinessIdKey, StatusKey } from '../search-attributes.js';
import type { PaymentSucceededSignal, SubscriptionLifecycleInput, SubscriptionState } from './types.js';

export const paymentSucceeded = defineSignal<[PaymentSucceededSignal]>('paymentSucceeded');
export const subscriptionState = defineQuery<SubscriptionState>('status');

const { activateSubscription, expireTrial } = proxyActivities<typeof activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes' },
});

/**
 * A business's trial: waits until the trial ends unless a payment arrives first; then the
 * subscription is active, or the trial expires (never overwriting a paid subscription).
 */
export async function subscriptionLifecycle(input: SubscriptionLifecycleInput): Promise<SubscriptionState> {
  const state: SubscriptionState = { status: 'trial', trialEndsAt: input.trialEndsAt, subscriptionId: null };
  let payment: PaymentSucceededSignal | null = null;
  setHandler(paymentSucceeded, (signal) => {
    payment ??= signal;
  });
  setHandler(subscriptionState, () => state);
  upsertSearchAttributes([{ key: BusinessIdKey, value: input.businessId }, { key: StatusKey, value: 'trial' }]);

  const remaining = Math.max(0, Date.parse(input.trialEndsAt) - Date.now());
  await condition(() => payment !== null, remaining);

  if (payment) {
    const paid: PaymentSucceededSignal = payment;
    await activateSubscription({ businessId: input.businessId, subscriptionId: paid.subscriptionId ?? null, planType: paid.planType ?? null });
    state.status = 'active';
    state.subscriptionId = paid.subscriptionId ?? null;
  } else {
    const expired = await expireTrial(input.businessId);
    state.status = expired ? 'expired' : 'active';
  }
  upsertSearchAttributes([{ key: StatusKey, value: state.status }]);
  return state;
}
