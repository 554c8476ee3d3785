import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const SubscriptionPlanSchema = defineEntity({
  name: 'SubscriptionPlan',
  tableName: 'subscription_plans',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string(),
    slug: p.string(),
    description: p.text().nullable(),
    price_monthly: p.decimal('number'),
    price_yearly: p.decimal('number'),
    currency: p.string().defaultRaw(`'USD'`),
    limits: p.json<Record<string, unknown>>().nullable(),
    features: p.json<Record<string, unknown>>().nullable(),
    is_active: p.boolean().defaultRaw('true'),
    created_at: p.datetime().defaultRaw('now()'),
    updated_at: p.datetime().defaultRaw('now()'),
  },
});
export type SubscriptionPlan = InferEntity<typeof SubscriptionPlanSchema>;
