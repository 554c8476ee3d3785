import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpException } from '@nestjs/common';
import type { WorkflowHandle } from '@temporalio/client';
import { bundleWorkflows, createWorker, type CrossChatWorker } from '@crosschat/workers';
import { subscriptionWorkflowId } from '@crosschat/workflows/ids';
import { SubscriptionService } from '../src/billing/subscription.service.js';
import { TemporalService } from '../src/temporal/temporal.service.js';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';
import { waitFor } from './wait.js';

const statusCodeOf = (error: unknown) => (error instanceof HttpException ? error.getStatus() : error);

describe('subscription trial through the API (real Temporal worker, real Postgres)', () => {
  const taskQueue = `billing-test-${randomUUID()}`;
  const db = new TenantFixtures();
  let api: TestApi;
  let worker: CrossChatWorker;
  let subscriptions: SubscriptionService;

  const business = async (trialSeconds: number) =>
    (await db.query<{ id: string; trial_ends_at: Date }>(
      `insert into businesses (name, slug, trial_ends_at) values ('Billing API Co', $1, now() + make_interval(secs => $2)) returning id, trial_ends_at`,
      [`billing-api-${randomUUID().slice(0, 12)}`, trialSeconds],
    )).rows[0]!;
  const statusOf = async (id: string) =>
    (await db.query(`select subscription_status, subscription_id, plan_type from businesses where id = $1`, [id])).rows[0];
  const handleOf = async (businessId: string): Promise<WorkflowHandle> =>
    (await api.app.get(TemporalService).client()).workflow.getHandle(subscriptionWorkflowId(businessId));

  beforeAll(async () => {
    api = await startTestApi({ temporalTaskQueue: taskQueue, trialSeconds: 2 });
    worker = await createWorker(api.settings, { taskQueue, bundle: await bundleWorkflows(), logLevel: 'WARN' });
    void worker.run();
    subscriptions = api.app.get(SubscriptionService);
  }, 120_000);

  afterAll(async () => {
    await worker?.shutdown();
    await api?.close();
    await db.close();
  });

  it('POST /businesses starts the trial, and the worker expires it when it ends', async () => {
    const owner = await db.user('Trial Owner');
    const res = await call(api, 'POST', '/businesses', { token: owner.token, body: { name: 'Short Trial Shop' } });
    expect(res.status).toBe(201);
    expect(res.body.subscription_status).toBe('trial');
    const result = await (await handleOf(res.body.id)).result();
    expect(result).toMatchObject({ status: 'expired', trialEndsAt: new Date(res.body.trial_ends_at).toISOString() });
    const list = await call(api, 'GET', '/businesses', { token: owner.token });
    expect(list.body.find((b: { id: string }) => b.id === res.body.id)).toMatchObject({ subscription_status: 'expired' });
  });

  it('startTrial is idempotent: a repeat while running or after the trial ended neither fails nor restarts it', async () => {
    const b = await business(2);
    await subscriptions.startTrial(b);
    await expect(subscriptions.startTrial(b)).resolves.toBeUndefined();
    const handle = await handleOf(b.id);
    const firstRun = (await handle.describe()).runId;
    expect((await handle.describe()).searchAttributes).toMatchObject({ BusinessId: [b.id] });
    await handle.result();
    expect(await statusOf(b.id)).toMatchObject({ subscription_status: 'expired' });

    await expect(subscriptions.startTrial(b)).resolves.toBeUndefined();
    const after = await handle.describe();
    expect(after.runId).toBe(firstRun);
    expect(after.status.name).toBe('COMPLETED');
    expect(await statusOf(b.id)).toMatchObject({ subscription_status: 'expired' });
  });

  it('markPaid during the trial activates the subscription with its id and plan', async () => {
    const b = await business(600);
    await subscriptions.startTrial(b);
    await subscriptions.markPaid(b.id, { subscriptionId: 'sub_api_1', planType: 'business' });
    expect(await (await handleOf(b.id)).result()).toMatchObject({ status: 'active', subscriptionId: 'sub_api_1', planType: 'business' });
    expect(await statusOf(b.id)).toEqual({ subscription_status: 'active', subscription_id: 'sub_api_1', plan_type: 'business' });
  });

  it('markPaid after the trial expired still activates the business (new run, signal delivered first)', async () => {
    const b = await business(1);
    await subscriptions.startTrial(b);
    const handle = await handleOf(b.id);
    await handle.result();
    expect((await statusOf(b.id)).subscription_status).toBe('expired');

    await subscriptions.markPaid(b.id, { subscriptionId: 'sub_late' });
    await waitFor(async () => ((await statusOf(b.id)).subscription_status === 'active' ? true : undefined));
    const latest = await handleOf(b.id);
    expect(await latest.result()).toMatchObject({ status: 'active', subscriptionId: 'sub_late' });
    expect(await statusOf(b.id)).toMatchObject({ subscription_status: 'active', subscription_id: 'sub_late', plan_type: 'starter' });
  });

  it('markPaid rejects an unknown plan with 400 before touching Temporal', async () => {
    const b = await business(600);
    expect(statusCodeOf(await subscriptions.markPaid(b.id, { planType: 'platinum' as never }).catch((e: unknown) => e))).toBe(400);
    await expect((await handleOf(b.id)).describe()).rejects.toThrow(/not found/i);
  });

  it('answers 503 when Temporal is unreachable, and POST /businesses creates nothing then', async () => {
    const down = await startTestApi({ temporalAddress: '127.0.0.1:1', temporalTaskQueue: taskQueue });
    try {
      const service = down.app.get(SubscriptionService);
      const b = await business(600);
      expect(statusCodeOf(await service.startTrial(b).catch((e: unknown) => e))).toBe(503);
      expect(statusCodeOf(await service.markPaid(b.id, {}).catch((e: unknown) => e))).toBe(503);

      const owner = await db.user('Unlucky Owner');
      const res = await call(down, 'POST', '/businesses', { token: owner.token, body: { name: 'No Temporal Today' } });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, error: expect.any(String), message: expect.any(String) });
      const list = await call(down, 'GET', '/businesses', { token: owner.token });
      expect(list.body).toEqual([]);
    } finally {
      await down.close();
    }
  });
});
