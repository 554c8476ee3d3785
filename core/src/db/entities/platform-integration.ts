import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const INTEGRATION_PLATFORMS = ['whatsapp', 'instagram', 'facebook', 'twitter', 'telegram', 'gmail', 'outlook', 'imap', 'widget', 'twilio_voice'] as const;

export const PlatformIntegrationSchema = defineEntity({
  name: 'PlatformIntegration',
  tableName: 'platform_integrations',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    business_id: p.uuid(),
    platform: p.enum(INTEGRATION_PLATFORMS),
    platform_account_id: p.string().nullable(),
    platform_account_name: p.string().nullable(),
    /** Encrypted at rest (see core/crypto); never serialized to API responses. */
    credentials: p.json<Record<string, unknown>>().hidden(),
    webhook_url: p.text().nullable(),
    webhook_secret: p.string().nullable().hidden(),
    is_active: p.boolean().defaultRaw('true'),
    last_sync_at: p.datetime().nullable(),
    sync_status: p.enum(['active', 'error', 'paused', 'disconnected'] as const).defaultRaw(`'active'`),
    config: p.json<Record<string, unknown>>().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type PlatformIntegration = InferEntity<typeof PlatformIntegrationSchema>;
