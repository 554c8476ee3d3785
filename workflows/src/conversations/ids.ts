/** One lifecycle workflow per conversation, findable by business and conversation id. */
export const conversationWorkflowId = (businessId: string, conversationId: string): string => `conversation:${businessId}:${conversationId}`;
export const CONVERSATION_WORKFLOW = 'conversationLifecycle';
