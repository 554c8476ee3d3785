import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import pg from 'pg';
import { loadSettings, temporalConnectionOptions } from '@crosschat/core';
import { subscriptionWorkflowId } from '@crosschat/workflows/ids';
import type { subscriptionLifecycle } from '@crosschat/workflows/billing/subscription.workflow';
import { BusinessIdKey } from '@crosschat/workflows/search-attributes';
import { bundleWorkflows, createWorker, type CrossChatWorker } from '../src/worker.js';

describe('subscription lifecycle workflow (real Temporal, real Postgres)', () => {
  const settings = loadSettings();
  const taskQueue = `subscription-test-${randomUUID()}`;
  const db = new pg.Pool({ connectionString: settings.databaseUrl, max: 2 });
  let bundle: Awaited<ReturnType<typeof bundleWorkflows>>;
  let worker: CrossChatWorker;
  let client: Client;

  const business = async (trialSeconds: number) => {
    const r = await db.query<{ id: string; trial_ends_at: Date }>(
      `insert into businesses (name, slug, trial_ends_at) values ('Trial Co', $1, now() + make_interval(secs => $2)) returning id, trial_ends_at`,
      [`trial-${randomUUID().slice(0, 12)}`, trialSeconds],
    );
    return r.rows[0]!;
  };
  const start = (b: { id: string; trial_ends_at: Date }) =>
    client.workflow.start<typeof subscriptionLifecycle>('subscriptionLifecycle', {
      workflowId: subscriptionWorkflowId(b.id),
      taskQueue,
      args: [{ businessId: b.id, trialEndsAt: b.trial_ends_at.toISOString() }],
      typedSearchAttributes: [{ key: BusinessIdKey, value: b.id }],
    });
  const statusOf = async (id: string) =>
    (await db.query(`select subscription_status, subscription_id, plan_type from businesses where id = $1`, [id])).rows[0];
  /** Visibility is eventually consistent: poll the list query briefly. */
  const listIds = async (query: string) => {
    for (let i = 0; i < 100; i++) {
      const found: string[] = [];
      for await (const w of client.workflow.list({ query })) found.push(w.workflowId);
      if (found.length) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    return [];
  };

  beforeAll(async () => {
    bundle = await bundleWorkflows();
    worker = await createWorker({ ...settings, temporalTaskQueue: taskQueue }, { taskQueue, bundle, logLevel: 'WARN' });
    void worker.run();
    client = new Client({ connection: await Connection.connect(temporalConnectionOptions(settings)), namespace: settings.temporalNamespace });
  }, 120_000);

  afterAll(async () => {
    await worker?.shutdown();
    await client?.connection.close();
    await db.end();
  });

  it('expires an unpaid trial when it ends', async () => {
    const b = await business(2);
    const handle = await start(b);
    expect(await handle.query('status')).toMatchObject({ status: 'trial', trialEndsAt: b.trial_ends_at.toISOString() });
    expect(await statusOf(b.id)).toMatchObject({ subscription_status: 'trial' });
    const result = await handle.result();
    expect(result.status).toBe('expired');
    expect(await statusOf(b.id)).toMatchObject({ subscription_status: 'expired' });
  });

  it('a payment before the trial ends activates the subscription at once', async () => {
    const b = await business(600); // far away: only the signal can end the wait
    const handle = await start(b);
    expect(await handle.query('status')).toMatchObject({ status: 'trial' });
    await handle.signal('paymentSucceeded', { subscriptionId: 'sub_123', planType: 'professional' });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'active', subscriptionId: 'sub_123', planType: 'professional' });
    expect(await statusOf(b.id)).toEqual({ subscription_status: 'active', subscription_id: 'sub_123', plan_type: 'professional' });
  });

  it('never downgrades a business that is already active', async () => {
    const b = await business(1);
    await db.query(`update businesses set subscription_status = 'active' where id = $1`, [b.id]);
    const result = await (await start(b)).result();
    expect(result.status).toBe('active');
    expect((await statusOf(b.id)).subscription_status).toBe('active');
  });

  it('fails (without retrying forever) on a plan type the database does not know', async () => {
    const b = await business(600);
    const handle = await start(b);
    await handle.signal('paymentSucceeded', { planType: 'platinum' as never });
    await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    expect((await statusOf(b.id)).subscription_status).toBe('trial');
  });

  it('is findable by BusinessId and its final Status in visibility, and replays deterministically', async () => {
    const b = await business(1);
    const handle = await start(b);
    await handle.result();
    expect(await listIds(`BusinessId = '${b.id}'`)).toEqual([subscriptionWorkflowId(b.id)]);
    // `Status` is a keyword of Temporal's list-filter grammar: it must be backquoted.
    expect(await listIds(`BusinessId = '${b.id}' AND \`Status\` = 'expired'`)).toEqual([subscriptionWorkflowId(b.id)]);

    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, handle.workflowId)).resolves.toBeUndefined();
  });

  it('replays a paid run too (signal + activity path)', async () => {
    const b = await business(600);
    const handle = await start(b);
    await handle.signal('paymentSucceeded', { subscriptionId: 'sub_replay' });
    await handle.result();
    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionSignaledEventAttributes)).toBe(true);
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, handle.workflowId)).resolves.toBeUndefined();
  });
});
