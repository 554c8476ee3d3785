import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const CONVERSATION_PLATFORMS = ['whatsapp', 'instagram', 'facebook', 'twitter', 'telegram', 'email', 'widget', 'voice_call', 'sms'] as const;
export type ConversationPlatform = (typeof CONVERSATION_PLATFORMS)[number];
export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved', 'closed', 'archived'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const ConversationSchema = defineEntity({
  name: 'Conversation',
  tableName: 'conversations',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    business_id: p.uuid(),
    customer_id: p.uuid(),
    platform: p.enum(CONVERSATION_PLATFORMS),
    platform_conversation_id: p.string().nullable(),
    status: p.enum(CONVERSATION_STATUSES).defaultRaw(`'open'`),
    assigned_to: p.uuid().nullable(),
    assigned_type: p.enum(['unassigned', 'ai_bot', 'team_member', 'round_robin'] as const).defaultRaw(`'unassigned'`),
    subject: p.string().nullable(),
    priority: p.enum(PRIORITIES).defaultRaw(`'normal'`),
    tags: p.array().nullable(),
    first_response_time: p.integer().nullable(),
    resolution_time: p.integer().nullable(),
    total_messages: p.integer().defaultRaw('0'),
    unread_count: p.integer().defaultRaw('0'),
    last_message_at: p.datetime().nullable(),
    last_customer_message_at: p.datetime().nullable(),
    last_agent_message_at: p.datetime().nullable(),
    resolved_at: p.datetime().nullable(),
    snoozed_until: p.datetime().nullable(),
    /** The customer's 1–5 rating of the conversation once resolved (CSAT). */
    satisfaction_rating: p.smallint().nullable(),
    satisfaction_comment: p.text().nullable(),
    rated_at: p.datetime().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
    deleted_at: p.datetime().nullable(),
  },
});
export type Conversation = InferEntity<typeof ConversationSchema>;
