import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const InvitationSchema = defineEntity({
  name: 'Invitation',
  tableName: 'invitations',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    business_id: p.uuid(),
    email: p.string(),
    role: p.enum(['admin', 'manager', 'agent', 'limited_agent'] as const),
    token_hash: p.string().hidden(),
    invited_by: p.uuid().nullable(),
    expires_at: p.datetime(),
    accepted_at: p.datetime().nullable(),
    accepted_by: p.uuid().nullable(),
    revoked_at: p.datetime().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type Invitation = InferEntity<typeof InvitationSchema>;
