import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { BusinessSettings } from '../../businesses/settings.js';

export const PLAN_TYPES = ['starter', 'professional', 'business', 'enterprise'] as const;
export const SUBSCRIPTION_STATUSES = ['trial', 'active', 'past_due', 'cancelled', 'expired'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const BusinessSchema = defineEntity({
  name: 'Business',
  tableName: 'businesses',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string(),
    slug: p.string(),
    plan_type: p.enum(PLAN_TYPES).defaultRaw(`'starter'`),
    subscription_status: p.enum(SUBSCRIPTION_STATUSES).defaultRaw(`'trial'`),
    subscription_id: p.string().nullable(),
    subscription_ends_at: p.datetime().nullable(),
    trial_ends_at: p.datetime().nullable(),
    settings: p.json<BusinessSettings>().nullable(),
    email: p.string().nullable(),
    phone: p.string().nullable(),
    website: p.string().nullable(),
    metadata: p.json<Record<string, unknown>>().nullable(),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
    deleted_at: p.datetime().nullable(),
  },
});
export type Business = InferEntity<typeof BusinessSchema>;
