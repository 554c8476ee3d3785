import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { loadSettings } from '@crosschat/core';
import { createWorker, bundleWorkflows, type CrossChatWorker } from '@crosschat/workers';
import { startTestApi, call, type TestApi } from './harness.js';
import { TenantFixtures } from './fixtures/tenants.js';
import { waitFor } from './wait.js';

describe('website widget: visitor → conversation workflow → agent reply → delivery', () => {
  const taskQueue = `widget-test-${randomUUID()}`;
  const db = new TenantFixtures();
  let api: TestApi;
  let worker: CrossChatWorker;
  let temporal: Client;
  let tenant: Awaited<ReturnType<TenantFixtures['tenant']>>;
  let websiteToken: string;
  let integrationId: string;

  beforeAll(async () => {
    const settings = { ...loadSettings(), temporalTaskQueue: taskQueue };
    api = await startTestApi({ temporalTaskQueue: taskQueue });
    worker = await createWorker(settings, { taskQueue, bundle: await bundleWorkflows(), logLevel: 'WARN' });
    void worker.run();
    temporal = new Client({ connection: await Connection.connect({ address: settings.temporalAddress }) });
    tenant = await db.tenant('Widget Shop');
    const connect = await call(api, 'POST', '/integrations/widget/connect', {
      token: tenant.owner.token,
      body: { business_id: tenant.business.id, config: { greeting_message: 'Hi! How can we help?', title: 'Talk to Widget Shop' } },
    });
    expect(connect.status).toBe(201);
    expect(connect.body.credentials).toBeUndefined();
    websiteToken = connect.body.platform_account_id;
    integrationId = connect.body.id;
  }, 120_000);

  afterAll(async () => {
    await worker?.shutdown();
    await temporal?.connection.close();
    await api?.close();
    await db.close();
  });

  const session = async (visitorToken?: string) => (await call(api, 'POST', '/widget/v1/sessions', { body: { website_token: websiteToken, visitor_token: visitorToken } })).body;

  it('serves the public widget config and refuses unknown tokens', async () => {
    const res = await call(api, 'GET', `/widget/v1/config?website_token=${websiteToken}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ business_name: 'Widget Shop', title: 'Talk to Widget Shop', within_working_hours: true });
    expect((await call(api, 'GET', '/widget/v1/config?website_token=nope-nope-nope')).status).toBe(404);
  });

  it('outside working hours the widget says so with the business away message', async () => {
    const closed = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, { start: 'closed', end: 'closed' }]));
    const settings = (body: unknown) => call(api, 'PATCH', `/businesses/${tenant.business.id}/settings`, { token: tenant.owner.token, body });
    expect((await settings({ working_hours: { enabled: true, schedule: closed }, away_message: 'Back on Monday at 9!' })).status).toBe(200);
    try {
      const res = await call(api, 'GET', `/widget/v1/config?website_token=${websiteToken}`);
      expect(res.body).toMatchObject({ within_working_hours: false, away_message: 'Back on Monday at 9!' });
    } finally {
      await settings({ working_hours: { enabled: false } });
    }
  });

  it('a visitor message starts the conversation workflow, which greets; an agent reply is delivered and read', async () => {
    const visitor = await session();
    expect(visitor.conversation_id).toBeNull();
    const clientMessageId = randomUUID();
    const sent = await call(api, 'POST', '/widget/v1/messages', { token: visitor.visitor_token, body: { content: 'Hello, is anyone there?', client_message_id: clientMessageId } });
    expect(sent.body).toMatchObject({ conversation_id: expect.any(String) });
    expect(sent.status).toBe(200);
    const conversationId = sent.body.conversation_id;
    expect(conversationId).toEqual(expect.any(String));

    // The same message again (a retry) stores nothing new.
    const again = await call(api, 'POST', '/widget/v1/messages', { token: visitor.visitor_token, body: { content: 'Hello, is anyone there?', client_message_id: clientMessageId } });
    expect(again.body.duplicate).toBe(true);
    expect(again.body.message.id).toBe(sent.body.message.id);

    // The workflow is findable by its search attributes and sends the greeting.
    const workflowId = `conversation:${tenant.business.id}:${conversationId}`;
    const description = await temporal.workflow.getHandle(workflowId).describe();
    expect(description.typedSearchAttributes.get({ name: 'ConversationId', type: 'KEYWORD' } as never)).toBe(conversationId);
    const greeting = await waitFor(async () => {
      const r = await db.query(`select content from messages where conversation_id = $1 and sender_type = 'system'`, [conversationId]);
      return r.rows[0]?.content;
    });
    expect(greeting).toBe('Hi! How can we help?');
    const customerMessages = await db.query(`select count(*)::int as n from messages where conversation_id = $1 and sender_type = 'customer'`, [conversationId]);
    expect(customerMessages.rows[0].n).toBe(1);

    // The agent sees it in the inbox and replies.
    const inbox = await call(api, 'GET', `/conversations?business_id=${tenant.business.id}`, { token: tenant.owner.token });
    expect(inbox.body.data[0]).toMatchObject({ id: conversationId, platform: 'widget', unread_count: 1 });
    const reply = await call(api, 'POST', '/messages', { token: tenant.owner.token, body: { conversation_id: conversationId, content: 'Yes! How can I help?' } });
    expect(reply.body.status).toBe('sending');
    const status = await waitFor(async () => {
      const r = await db.query(`select status from messages where id = $1`, [reply.body.id]);
      return r.rows[0]?.status === 'delivered' ? 'delivered' : undefined;
    });
    expect(status).toBe('delivered');

    // The visitor's widget shows the thread (no internal notes) and reports it read.
    await call(api, 'POST', '/messages', { token: tenant.owner.token, body: { conversation_id: conversationId, content: 'internal: VIP', is_internal_note: true } });
    const resumed = await session(visitor.visitor_token);
    expect(resumed.conversation_id).toBe(conversationId);
    const thread = await call(api, 'GET', '/widget/v1/conversation', { token: resumed.visitor_token });
    expect(thread.body.messages.map((m: any) => m.content)).toEqual(['Hello, is anyone there?', 'Hi! How can we help?', 'Yes! How can I help?']);
    const read = await call(api, 'POST', '/widget/v1/read', { token: resumed.visitor_token });
    expect(read.body.updated).toBeGreaterThanOrEqual(1);
    const after = await db.query(`select status from messages where id = $1`, [reply.body.id]);
    expect(after.rows[0].status).toBe('read');
  }, 60_000);

  it('the visitor rates a resolved conversation (CSAT); before that, or out of range, it is refused', async () => {
    const visitor = await session();
    const noConversation = await call(api, 'POST', '/widget/v1/rating', { token: visitor.visitor_token, body: { rating: 5 } });
    expect(noConversation.status).toBe(400);
    const sent = await call(api, 'POST', '/widget/v1/messages', { token: visitor.visitor_token, body: { content: 'Where is my order?', client_message_id: randomUUID() } });
    const conversationId = sent.body.conversation_id;
    const token = sent.body.visitor_token;
    expect((await call(api, 'POST', '/widget/v1/rating', { token, body: { rating: 4 } })).status).toBe(409);
    await call(api, 'PATCH', `/conversations/${conversationId}/status`, { token: tenant.owner.token, body: { status: 'resolved' } });
    for (const rating of [0, 6, 4.5, '5', null]) {
      expect((await call(api, 'POST', '/widget/v1/rating', { token, body: { rating } })).status).toBe(400);
    }
    expect((await call(api, 'POST', '/widget/v1/rating', { body: { rating: 5 } })).status).toBe(401);
    const rated = await call(api, 'POST', '/widget/v1/rating', { token, body: { rating: 2, comment: '  Took a while  ' } });
    expect(rated.status).toBe(200);
    expect(rated.body).toEqual({ rating: 2, comment: 'Took a while' });
    const again = await call(api, 'POST', '/widget/v1/rating', { token, body: { rating: 5 } });
    expect(again.body).toEqual({ rating: 5, comment: null });
    const row = await db.query(`select c.satisfaction_rating, c.rated_at is not null as rated, cu.satisfaction_rating as customer_rating
                                  from conversations c join customers cu on cu.id = c.customer_id where c.id = $1`, [conversationId]);
    expect(row.rows[0]).toEqual({ satisfaction_rating: 5, rated: true, customer_rating: 5 });
    const thread = await call(api, 'GET', '/widget/v1/conversation', { token });
    expect(thread.body).toMatchObject({ status: 'resolved', rating: 5 });
    const agentView = await call(api, 'GET', `/conversations/${conversationId}`, { token: tenant.owner.token });
    expect(agentView.body).toMatchObject({ satisfaction_rating: 5 });
  }, 60_000);

  it('a visitor token of another widget or a forged one is refused', async () => {
    const forged = await call(api, 'POST', '/widget/v1/messages', { token: 'not.a.token', body: { content: 'x', client_message_id: randomUUID() } });
    expect(forged.status).toBe(401);
    const userToken = await call(api, 'POST', '/widget/v1/messages', { token: tenant.owner.token, body: { content: 'x', client_message_id: randomUUID() } });
    expect(userToken.status).toBe(401);
    const bad = await call(api, 'POST', '/widget/v1/messages', { token: (await session()).visitor_token, body: { content: '', client_message_id: 'nope' } });
    expect(bad.status).toBe(400);
  });

  it('identity verification: setUser needs the HMAC of the user id, else the user data is refused', async () => {
    await call(api, 'PATCH', `/integrations/${integrationId}`, { token: tenant.owner.token, body: { config: { identity_verification: true } } });
    const { identity_secret } = (await call(api, 'POST', `/integrations/${integrationId}/secret`, { token: tenant.owner.token })).body;
    const visitor = await session();
    const refused = await call(api, 'POST', '/widget/v1/identify', {
      token: visitor.visitor_token,
      body: { user_id: 'u-42', email: 'mallory@example.test', identifier_hash: 'a'.repeat(64) },
    });
    expect(refused.status).toBe(401);
    expect(await db.query(`select 1 from customers where email = 'mallory@example.test'`).then((r) => r.rowCount)).toBe(0);
    const hash = createHmac('sha256', identity_secret).update('u-42').digest('hex');
    const accepted = await call(api, 'POST', '/widget/v1/identify', {
      token: visitor.visitor_token,
      body: { user_id: 'u-42', email: 'Jane@Example.test', name: 'Jane Doe', identifier_hash: hash },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.customer).toMatchObject({ name: 'Jane Doe', email: 'jane@example.test' });
    // The same person on another device (new anonymous session) resolves to the same profile.
    const otherDevice = await call(api, 'POST', '/widget/v1/identify', { token: (await session()).visitor_token, body: { user_id: 'u-42', identifier_hash: hash } });
    expect(otherDevice.body.customer.id).toBe(accepted.body.customer.id);
  });
});
