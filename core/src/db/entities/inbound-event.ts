import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One row per webhook delivery we accepted; (source, external_id) is unique so repeats change nothing. */
export const InboundEventSchema = defineEntity({
  name: 'InboundEvent',
  tableName: 'inbound_events',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    business_id: p.uuid().nullable(),
    source: p.string(),
    external_id: p.string(),
    payload: p.json<Record<string, unknown>>(),
    status: p.enum(['received', 'processed', 'ignored', 'failed'] as const).defaultRaw(`'received'`),
    error: p.text().nullable(),
    received_at: p.datetime().defaultRaw('now()'),
    processed_at: p.datetime().nullable(),
  },
});
export type InboundEvent = InferEntity<typeof InboundEventSchema>;
