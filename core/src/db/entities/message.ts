import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export interface Attachment { url: string; type: string; size: number; name: string }

export const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    conversation_id: p.uuid(),
    business_id: p.uuid(),
    sender_type: p.enum(['customer', 'agent', 'system', 'ai_bot'] as const),
    sender_id: p.uuid().nullable(),
    sender_name: p.string().nullable(),
    content: p.text(),
    content_type: p.enum(['text', 'image', 'video', 'audio', 'file', 'location', 'contact', 'sticker'] as const).defaultRaw(`'text'`),
    attachments: p.json<Attachment[]>().nullable(),
    platform: p.string(),
    platform_message_id: p.string().nullable(),
    status: p.enum(['sending', 'sent', 'delivered', 'read', 'failed'] as const).defaultRaw(`'sent'`),
    delivered_at: p.datetime().nullable(),
    read_at: p.datetime().nullable(),
    metadata: p.json<Record<string, unknown>>().nullable(),
    is_internal_note: p.boolean().defaultRaw('false'),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type Message = InferEntity<typeof MessageSchema>;
