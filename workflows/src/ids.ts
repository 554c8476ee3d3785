// Workflow ids, one place for every caller (API, worker, tests, operators in the Web UI).
export { subscriptionWorkflowId, SUBSCRIPTION_WORKFLOW } from './billing/ids.js';
export { conversationWorkflowId, CONVERSATION_WORKFLOW } from './conversations/ids.js';
export { deliveryWorkflowId, DELIVER_MESSAGE_WORKFLOW } from './delivery/ids.js';
