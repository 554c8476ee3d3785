import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const NotificationSchema = defineEntity({
  name: 'Notification',
  tableName: 'notifications',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    user_id: p.uuid(),
    business_id: p.uuid().nullable(),
    type: p.enum(['new_message', 'conversation_assigned', 'mention', 'conversation_resolved', 'team_invite', 'system'] as const),
    title: p.string(),
    message: p.text().nullable(),
    action_url: p.text().nullable(),
    action_label: p.string().nullable(),
    metadata: p.json<Record<string, unknown>>().nullable(),
    read_status: p.boolean().defaultRaw('false'),
    read_at: p.datetime().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
  },
});
export type Notification = InferEntity<typeof NotificationSchema>;
