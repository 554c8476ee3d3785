/** One delivery workflow per outbound message; an operator finds it by the message id. */
export const deliveryWorkflowId = (messageId: string): string => `deliver:${messageId}`;
export const DELIVER_MESSAGE_WORKFLOW = 'deliverMessage';
