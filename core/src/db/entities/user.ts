import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const USER_STATUSES = ['online', 'away', 'busy', 'offline'] as const;

/** public.users: the profile row Supabase apps keep beside auth.users (filled by a trigger). */
export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.uuid().primary(),
    email: p.string(),
    full_name: p.string().nullable(),
    avatar_url: p.text().nullable(),
    preferences: p.json<Record<string, unknown>>().nullable(),
    status: p.enum(USER_STATUSES).defaultRaw(`'offline'`),
    last_seen_at: p.datetime().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type User = InferEntity<typeof UserSchema>;
