// Signatures of the activities the workflows call. The worker (workers/src/activities)
// implements them; workflows import only these types, never the implementations.
import type { DeliverMessageInput, DeliveryOutcome } from './delivery/types.js';

export type SendThroughChannel = (input: DeliverMessageInput) => Promise<{ platformMessageId: string | null }>;
export type RecordDeliveryOutcome = (messageId: string, outcome: DeliveryOutcome) => Promise<void>;

export declare const sendThroughChannel: SendThroughChannel;
export declare const recordDeliveryOutcome: RecordDeliveryOutcome;
