import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type PlatformIdentifiers = Partial<Record<'whatsapp' | 'instagram' | 'facebook' | 'twitter' | 'telegram' | 'email' | 'widget' | 'sms' | 'voice_call', string | null>>;

export const CustomerSchema = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    business_id: p.uuid(),
    name: p.string().nullable(),
    email: p.string().nullable(),
    phone: p.string().nullable(),
    avatar_url: p.text().nullable(),
    platform_identifiers: p.json<PlatformIdentifiers>().nullable(),
    metadata: p.json<Record<string, unknown>>().nullable(),
    tags: p.array().nullable(),
    notes: p.text().nullable(),
    customer_since: p.datetime().defaultRaw('now()'),
    last_contact_at: p.datetime().nullable(),
    total_conversations: p.integer().defaultRaw('0'),
    sentiment_score: p.decimal('number').nullable(),
    satisfaction_rating: p.integer().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
    deleted_at: p.datetime().nullable(),
  },
});
export type Customer = InferEntity<typeof CustomerSchema>;
