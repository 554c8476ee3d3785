import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Outgoing webhooks a business registers for its own integrations. */
export const WebhookSchema = defineEntity({
  name: 'Webhook',
  tableName: 'webhooks',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    business_id: p.uuid(),
    name: p.string(),
    url: p.text(),
    secret: p.string().nullable().hidden(),
    events: p.array(),
    is_active: p.boolean().defaultRaw('true'),
    last_triggered_at: p.datetime().nullable(),
    retry_config: p.json<Record<string, unknown>>().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type Webhook = InferEntity<typeof WebhookSchema>;
