export interface SubscriptionLifecycleInput {
  businessId: string;
  /** ISO time the trial ends. */
  trialEndsAt: string;
}

/** businesses.plan_type values. */
export type PlanType = 'starter' | 'professional' | 'business' | 'enterprise';

export interface PaymentSucceededSignal {
  subscriptionId?: string | null;
  planType?: PlanType | null;
}

/** businesses.subscription_status values. */
export type SubscriptionStatus = 'trial' | 'active' | 'past_due' | 'cancelled' | 'expired';

/** What the `status` query returns and the workflow's result. */
export interface SubscriptionState {
  status: SubscriptionStatus;
  trialEndsAt: string;
  subscriptionId: string | null;
  planType: PlanType | null;
}
