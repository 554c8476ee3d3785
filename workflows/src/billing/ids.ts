/** One subscription workflow per business. */
export const subscriptionWorkflowId = (businessId: string): string => `subscription:${businessId}`;
export const SUBSCRIPTION_WORKFLOW = 'subscriptionLifecycle';
