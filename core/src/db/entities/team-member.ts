import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Permissions } from '../../team/permissions.js';

export const ROLES = ['owner', 'admin', 'manager', 'agent', 'limited_agent'] as const;
export type Role = (typeof ROLES)[number];

export const TeamMemberSchema = defineEntity({
  name: 'TeamMember',
  tableName: 'team_members',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    business_id: p.uuid(),
    user_id: p.uuid(),
    role: p.enum(ROLES),
    permissions: p.json<Permissions>().nullable(),
    department: p.string().nullable(),
    title: p.string().nullable(),
    is_active: p.boolean().defaultRaw('true'),
    invited_at: p.datetime().defaultRaw('now()'),
    joined_at: p.datetime().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type TeamMember = InferEntity<typeof TeamMemberSchema>;
