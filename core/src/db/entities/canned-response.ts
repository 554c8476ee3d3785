import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const CannedResponseSchema = defineEntity({
  name: 'CannedResponse',
  tableName: 'canned_responses',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    business_id: p.uuid(),
    shortcut: p.string(),
    content: p.text(),
    created_by: p.uuid().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type CannedResponse = InferEntity<typeof CannedResponseSchema>;
