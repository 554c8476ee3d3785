import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { loadSettings, ormConfig } from '@crosschat/core';
import { createBillingActivities } from '../src/activities/billing.activities.js';

describe('billing activities (real Postgres): idempotent, never downgrade a paid business', () => {
  const settings = loadSettings();
  const db = new pg.Pool({ connectionString: settings.databaseUrl, max: 2 });
  let orm: MikroORM;
  let activities: ReturnType<typeof createBillingActivities>;

  const business = async (status = 'trial') =>
    (await db.query<{ id: string }>(
      `insert into businesses (name, slug, subscription_status, plan_type, trial_ends_at) values ('Billing Co', $1, $2, 'starter', now()) returning id`,
      [`billing-${randomUUID().slice(0, 12)}`, status],
    )).rows[0]!.id;
  const row = async (id: string) =>
    (await db.query(`select subscription_status, subscription_id, plan_type from businesses where id = $1`, [id])).rows[0];

  beforeAll(async () => {
    orm = await MikroORM.init(ormConfig(settings.databaseUrl));
    activities = createBillingActivities(orm);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db.end();
  });

  it('expires a trial, and a repeat (activity retry) is a no-op reporting the same status', async () => {
    const id = await business('trial');
    expect(await activities.expireTrial(id)).toBe('expired');
    expect(await activities.expireTrial(id)).toBe('expired');
    expect(await row(id)).toMatchObject({ subscription_status: 'expired' });
  });

  it('expiring never overwrites an active subscription', async () => {
    const id = await business('active');
    expect(await activities.expireTrial(id)).toBe('active');
    expect(await row(id)).toMatchObject({ subscription_status: 'active' });
  });

  it('only touches the business it is given', async () => {
    const target = await business('trial');
    const neighbour = await business('trial');
    await activities.expireTrial(target);
    await activities.activateSubscription({ businessId: target, subscriptionId: 'sub_x', planType: 'business' });
    expect(await row(neighbour)).toEqual({ subscription_status: 'trial', subscription_id: null, plan_type: 'starter' });
  });

  it('reports a missing business as null instead of failing', async () => {
    expect(await activities.expireTrial(randomUUID())).toBeNull();
  });

  it('activates idempotently and keeps the stored subscription/plan when a repeat omits them', async () => {
    const id = await business('trial');
    await activities.activateSubscription({ businessId: id, subscriptionId: 'sub_1', planType: 'professional' });
    await activities.activateSubscription({ businessId: id, subscriptionId: 'sub_1', planType: 'professional' });
    expect(await row(id)).toEqual({ subscription_status: 'active', subscription_id: 'sub_1', plan_type: 'professional' });
    await activities.activateSubscription({ businessId: id, subscriptionId: null, planType: null });
    expect(await row(id)).toEqual({ subscription_status: 'active', subscription_id: 'sub_1', plan_type: 'professional' });
  });

  it('a payment after expiry re-activates the business', async () => {
    const id = await business('expired');
    await activities.activateSubscription({ businessId: id, subscriptionId: null, planType: 'enterprise' });
    expect(await row(id)).toMatchObject({ subscription_status: 'active', plan_type: 'enterprise' });
  });

  it('rejects an unknown plan as a non-retryable failure and changes nothing', async () => {
    const id = await business('trial');
    const failure = await activities.activateSubscription({ businessId: id, subscriptionId: 'sub_2', planType: 'platinum' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).nonRetryable).toBe(true);
    expect(await row(id)).toMatchObject({ subscription_status: 'trial', subscription_id: null });
  });
});
