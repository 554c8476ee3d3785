import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import {
  ChannelRegistry, DEFAULT_BUSINESS_SETTINGS, PermanentDeliveryError, WidgetChannelAdapter, loadSettings,
  type ChannelAdapter,
} from '@crosschat/core';
import { bundleWorkflows, createWorker, type CrossChatWorker } from '../src/worker.js';

/** An SMS adapter under test control: fails transiently `transientFailures` times, or permanently. */
class ScriptedSmsAdapter implements ChannelAdapter {
  readonly platform = 'sms';
  calls = 0;
  constructor(private readonly mode: { transientFailures?: number; permanent?: boolean }) {}
  async send() {
    this.calls++;
    if (this.mode.permanent) throw new PermanentDeliveryError('The number is not reachable by SMS');
    if (this.calls <= (this.mode.transientFailures ?? 0)) throw new Error('gateway timeout');
    return { platformMessageId: `SM${this.calls}` };
  }
}

describe('conversation lifecycle and delivery workflows (real Temporal, real Postgres)', () => {
  const settings = loadSettings();
  const db = new pg.Pool({ connectionString: settings.databaseUrl, max: 3 });
  const taskQueue = `conversation-test-${randomUUID()}`;
  const flaky = new ScriptedSmsAdapter({ transientFailures: 2 });
  let worker: CrossChatWorker;
  let client: Client;

  const q = async <T = any>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

  async function conversation(settingsPatch: Record<string, unknown> = {}, platform = 'widget') {
    const [business] = await q<{ id: string }>(`insert into businesses (name, slug, settings) values ('Lifecycle', $1, $2) returning id`,
      [`life-${randomUUID().slice(0, 12)}`, { ...DEFAULT_BUSINESS_SETTINGS, working_hours: { ...DEFAULT_BUSINESS_SETTINGS.working_hours, enabled: false }, ...settingsPatch }]);
    const [customer] = await q<{ id: string }>(`insert into customers (business_id, name) values ($1, 'Casey') returning id`, [business!.id]);
    const [conv] = await q<{ id: string }>(`insert into conversations (business_id, customer_id, platform) values ($1, $2, $3) returning id`, [business!.id, customer!.id, platform]);
    return { businessId: business!.id, conversationId: conv!.id };
  }

  async function customerMessage(c: { businessId: string; conversationId: string }, content = 'hello') {
    const [m] = await q<{ id: string }>(`insert into messages (business_id, conversation_id, sender_type, content, platform, status) values ($1, $2, 'customer', $3, 'widget', 'delivered') returning id`, [c.businessId, c.conversationId, content]);
    return m!.id;
  }

  function signalMessage(c: { businessId: string; conversationId: string }, messageId: string, autoResolveAfterSeconds = 0) {
    return client.workflow.signalWithStart('conversationLifecycle', {
      workflowId: `conversation:${c.businessId}:${c.conversationId}`,
      taskQueue,
      args: [{ businessId: c.businessId, conversationId: c.conversationId, platform: 'widget', autoResolveAfterSeconds }],
      signal: 'messageReceived',
      signalArgs: [{ messageId, senderType: 'customer' }],
    });
  }

  async function until<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error('condition not reached');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    worker = await createWorker({ ...settings, temporalTaskQueue: taskQueue }, {
      taskQueue, bundle: await bundleWorkflows(), logLevel: 'WARN',
      channels: new ChannelRegistry([new WidgetChannelAdapter(), flaky]),
    });
    void worker.run();
    client = new Client({ connection: await Connection.connect({ address: settings.temporalAddress }) });
  }, 120_000);

  afterAll(async () => {
    await worker.shutdown();
    await client.connection.close();
    await db.end();
  });

  it('greets once, ignores message ids it has seen, and auto-resolves after the quiet period', async () => {
    const c = await conversation({ greeting_message: 'Welcome!' });
    const first = await customerMessage(c);
    const handle = await signalMessage(c, first, 2);
    await signalMessage(c, first, 2); // a repeated webhook
    await until(async () => ((await q(`select 1 from messages where conversation_id = $1 and metadata ->> 'auto' = 'greeting'`, [c.conversationId])).length ? true : undefined));
    const state = await handle.query('state');
    expect(state).toMatchObject({ status: 'open', greeted: true, messagesSeen: 1 });
    await signalMessage(c, await customerMessage(c, 'again'), 2);
    const result = await handle.result();
    expect(result.status).toBe('resolved');
    const [row] = await q(`select status, resolved_at is not null as resolved from conversations where id = $1`, [c.conversationId]);
    expect(row).toEqual({ status: 'resolved', resolved: true });
    expect((await q(`select count(*)::int as n from messages where conversation_id = $1 and metadata ->> 'auto' = 'greeting'`, [c.conversationId]))[0].n).toBe(1);
  });

  it('a burst of customer messages asks for automatic replies once (quiet window)', async () => {
    const c = await conversation({ greeting_message: 'Welcome!' });
    const handle = await signalMessage(c, await customerMessage(c, 'one'));
    await until(async () => ((await handle.query('state')) as { greeted: boolean }).greeted || undefined);
    for (const text of ['two', 'three', 'four']) await signalMessage(c, await customerMessage(c, text));
    // Resolving ends the run once every message before it has been handled: the history is then complete.
    await handle.signal('statusChanged', { status: 'resolved' });
    // Also when the last message and the status change land in one workflow task: the message
    // came first, so it must not reopen the conversation.
    await until(async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined));
    expect(await handle.query('state')).toMatchObject({ status: 'resolved', messagesSeen: 4 });
    const history = await handle.fetchHistory();
    const asked = (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendAutomaticReplies');
    expect(asked).toHaveLength(1);
    expect((await q(`select count(*)::int as n from messages where conversation_id = $1 and metadata ->> 'auto' is not null`, [c.conversationId]))[0].n).toBe(1);
  }, 120_000);

  it('says the team is away outside working hours', async () => {
    const closed = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, { start: 'closed', end: 'closed' }]));
    const c = await conversation({ working_hours: { enabled: true, schedule: closed }, away_message: 'We are closed, back tomorrow.' });
    await signalMessage(c, await customerMessage(c));
    const away = await until(async () => (await q(`select content from messages where conversation_id = $1 and metadata ->> 'auto' = 'away'`, [c.conversationId]))[0]?.content);
    expect(away).toBe('We are closed, back tomorrow.');
  });

  it('reopens a snoozed conversation when the snooze ends', async () => {
    const c = await conversation();
    const handle = await signalMessage(c, await customerMessage(c));
    const until2s = new Date(Date.now() + 1500).toISOString();
    await q(`update conversations set status = 'pending', snoozed_until = $2 where id = $1`, [c.conversationId, until2s]);
    await handle.signal('statusChanged', { status: 'pending', snoozedUntil: until2s });
    const status = await until(async () => {
      const [row] = await q(`select status, snoozed_until from conversations where id = $1`, [c.conversationId]);
      return row.status === 'open' && row.snoozed_until === null ? 'open' : undefined;
    });
    expect(status).toBe('open');
    expect(await handle.query('state')).toMatchObject({ status: 'open', snoozedUntil: null });
    await handle.signal('statusChanged', { status: 'closed' });
    expect((await handle.result()).status).toBe('closed');
  });

  async function deliver(c: { businessId: string; conversationId: string }) {
    const [m] = await q<{ id: string }>(`insert into messages (business_id, conversation_id, sender_type, content, platform, status) values ($1, $2, 'agent', 'On its way', 'sms', 'sending') returning id`, [c.businessId, c.conversationId]);
    const handle = await client.workflow.start('deliverMessage', {
      workflowId: `deliver:${m!.id}`, taskQueue, args: [{ messageId: m!.id, businessId: c.businessId, conversationId: c.conversationId, platform: 'sms' }],
    });
    return { messageId: m!.id, outcome: await handle.result() };
  }

  it('delivery retries transient channel errors until the message is delivered', async () => {
    const c = await conversation({}, 'sms');
    const { messageId, outcome } = await deliver(c);
    expect(outcome).toEqual({ status: 'delivered', platformMessageId: 'SM3' });
    expect(flaky.calls).toBe(3);
    const [row] = await q(`select status, platform_message_id, delivered_at is not null as stamped from messages where id = $1`, [messageId]);
    expect(row).toEqual({ status: 'delivered', platform_message_id: 'SM3', stamped: true });
  });

  it('delivery fails fast on a permanent channel error and records why', async () => {
    const permanentWorkerQueue = `${taskQueue}-permanent`;
    const permanent = new ScriptedSmsAdapter({ permanent: true });
    const w = await createWorker({ ...settings, temporalTaskQueue: permanentWorkerQueue }, {
      taskQueue: permanentWorkerQueue, bundle: await bundleWorkflows(), logLevel: 'WARN', channels: new ChannelRegistry([permanent]),
    });
    void w.run();
    try {
      const c = await conversation({}, 'sms');
      const [m] = await q<{ id: string }>(`insert into messages (business_id, conversation_id, sender_type, content, platform, status) values ($1, $2, 'agent', 'Hi', 'sms', 'sending') returning id`, [c.businessId, c.conversationId]);
      const outcome = await (await client.workflow.start('deliverMessage', {
        workflowId: `deliver:${m!.id}`, taskQueue: permanentWorkerQueue, args: [{ messageId: m!.id, businessId: c.businessId, conversationId: c.conversationId, platform: 'sms' }],
      })).result();
      expect(outcome.status).toBe('failed');
      expect(permanent.calls).toBe(1);
      const [row] = await q(`select status, metadata ->> 'delivery_error' as error from messages where id = $1`, [m!.id]);
      expect(row.status).toBe('failed');
      expect(row.error).toContain('not reachable by SMS');
    } finally {
      await w.shutdown();
    }
  });
});
