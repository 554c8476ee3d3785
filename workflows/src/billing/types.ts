export interface SubscriptionLifecycleInput {
  businessId: string;
  /** ISO time the trial ends. */
  trialEndsAt: string;
}

export interface PaymentSucceededSignal {
  subscriptionId?: string | null;
  planType?: 'starter' | 'professional' | 'business' | 'enterprise' | null;
}

export interface SubscriptionState {
  status: 'trial' | 'active' | 'expired';
  trialEndsAt: string;
  subscriptionId: string | null;
}
