import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** auth.users, shaped like Supabase's (the subset the embedded auth server uses). */
export const AuthUserSchema = defineEntity({
  name: 'AuthUser',
  tableName: 'auth.users',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    aud: p.string().defaultRaw(`'authenticated'`),
    role: p.string().defaultRaw(`'authenticated'`),
    email: p.string().nullable(),
    encrypted_password: p.string().nullable().hidden(),
    email_confirmed_at: p.datetime().nullable(),
    invited_at: p.datetime().nullable(),
    recovery_token: p.string().nullable().hidden(),
    recovery_sent_at: p.datetime().nullable(),
    last_sign_in_at: p.datetime().nullable(),
    raw_app_meta_data: p.json<Record<string, unknown>>().nullable(),
    raw_user_meta_data: p.json<Record<string, unknown>>().nullable(),
    phone: p.text().nullable(),
    is_anonymous: p.boolean().defaultRaw('false'),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
    deleted_at: p.datetime().nullable(),
  },
});
export type AuthUser = InferEntity<typeof AuthUserSchema>;

export const AuthSessionSchema = defineEntity({
  name: 'AuthSession',
  tableName: 'auth.sessions',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    user_id: p.uuid(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
    not_after: p.datetime().nullable(),
    revoked_at: p.datetime().nullable(),
    revoked_reason: p.text().nullable(),
    user_agent: p.text().nullable(),
  },
});
export type AuthSession = InferEntity<typeof AuthSessionSchema>;

export const AuthRefreshTokenSchema = defineEntity({
  name: 'AuthRefreshToken',
  tableName: 'auth.refresh_tokens',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    token: p.string(),
    user_id: p.string(),
    session_id: p.uuid(),
    parent: p.string().nullable(),
    revoked: p.boolean().defaultRaw('false'),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type AuthRefreshToken = InferEntity<typeof AuthRefreshTokenSchema>;
