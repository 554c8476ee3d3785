import { ApplicationFailure } from '@temporalio/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { BusinessSchema, PLAN_TYPES } from '@crosschat/core';
import type { ActivateSubscription, ExpireTrial } from '@crosschat/workflows/activity-types';

type PlanType = (typeof PLAN_TYPES)[number];
const isPlanType = (value: string): value is PlanType => (PLAN_TYPES as readonly string[]).includes(value);

export function createBillingActivities(orm: MikroORM): { activateSubscription: ActivateSubscription; expireTrial: ExpireTrial } {
  return {
    /**
     * Marks the business paid. Idempotent: a retry or a repeated payment leaves the same row.
     * The subscription id and plan are only overwritten when given.
     */
    async activateSubscription(input) {
      if (input.planType !== null && !isPlanType(input.planType)) {
        // Retrying cannot fix a bad plan name: fail at once instead of retrying forever.
        throw ApplicationFailure.nonRetryable(`Unknown plan type "${input.planType}"`, 'InvalidPlanType');
      }
      const changes: { subscription_status: 'active'; subscription_id?: string; plan_type?: PlanType } = { subscription_status: 'active' };
      if (input.subscriptionId) changes.subscription_id = input.subscriptionId;
      if (input.planType) changes.plan_type = input.planType;
      await orm.em.fork().nativeUpdate(BusinessSchema, { id: input.businessId }, changes);
    },

    /**
     * Ends a trial: only a business still on 'trial' changes, so a paid one is never downgraded
     * and a retry after success changes nothing. Returns the status the business has now.
     */
    async expireTrial(businessId) {
      const em = orm.em.fork();
      await em.nativeUpdate(BusinessSchema, { id: businessId, subscription_status: 'trial' }, { subscription_status: 'expired' });
      const business = await em.findOne(BusinessSchema, { id: businessId }, { fields: ['subscription_status'] });
      return business?.subscription_status ?? null;
    },
  };
}
