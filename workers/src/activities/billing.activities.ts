import type { MikroORM } from '@mikro-orm/postgresql';

export function createBillingActivities(orm: MikroORM) {
  return {
    /** Idempotent: a repeat leaves the same active subscription. */
    async activateSubscription(input: { businessId: string; subscriptionId: string | null; planType: string | null }): Promise<void> {
      await orm.em.getConnection().execute(
        `update businesses set subscription_status = 'active',
                subscription_id = coalesce(?, subscription_id),
                plan_type = coalesce(?, plan_type)
          where id = ?`,
        [input.subscriptionId, input.planType, input.businessId],
      );
    },

    /** Only a business still on trial expires; an active (paid) one is never downgraded here. */
    async expireTrial(businessId: string): Promise<boolean> {
      const rows = await orm.em.getConnection().execute<{ id: string }[]>(
        `update businesses set subscription_status = 'expired' where id = ? and subscription_status = 'trial' returning id`,
        [businessId],
      );
      return rows.length > 0;
    },
  };
}
