// Signatures of the activities the workflows call. The worker (workers/src/activities)
// implements them; workflows import only these types, never the implementations.
import type { DeliverMessageInput, DeliveryOutcome } from './delivery/types.js';
import type { SubscriptionStatus } from './billing/types.js';

export type SendThroughChannel = (input: DeliverMessageInput) => Promise<{ platformMessageId: string | null }>;
export type RecordDeliveryOutcome = (messageId: string, outcome: DeliveryOutcome) => Promise<void>;

export declare const sendThroughChannel: SendThroughChannel;
export declare const recordDeliveryOutcome: RecordDeliveryOutcome;

/** `quietUntil`: until then no automatic reply can become due (absent from older workers: ask every time). */
export type SendAutomaticReplies = (input: { conversationId: string; greeted: boolean }) => Promise<{ greeted: boolean; sent: string[]; quietUntil?: string | null }>;
export type AutoResolveConversation = (input: { conversationId: string; inactiveSince: string }) => Promise<boolean>;
export type ReopenSnoozedConversation = (conversationId: string) => Promise<boolean>;

export declare const sendAutomaticReplies: SendAutomaticReplies;
export declare const autoResolveConversation: AutoResolveConversation;
export declare const reopenSnoozedConversation: ReopenSnoozedConversation;

export type ActivateSubscription = (input: { businessId: string; subscriptionId: string | null; planType: string | null }) => Promise<void>;
/** Expires the business if still on trial; returns the status it has afterwards (null: no such business). */
export type ExpireTrial = (businessId: string) => Promise<SubscriptionStatus | null>;

export declare const activateSubscription: ActivateSubscription;
export declare const expireTrial: ExpireTrial;
