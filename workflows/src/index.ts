// The workflow bundle's entry: every workflow the worker registers.
export { deliverMessage } from './delivery/deliver-message.workflow.js';
export { conversationLifecycle, messageReceived, statusChanged, lifecycleState } from './conversations/conversation-lifecycle.workflow.js';
export { subscriptionLifecycle, paymentSucceeded, subscriptionState } from './billing/subscription.workflow.js';
