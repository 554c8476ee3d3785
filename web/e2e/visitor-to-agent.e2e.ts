import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import { RESULTS_DIR, WEB_URL, launch, screenshot } from './browser.js';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:3001';
const ANON_KEY = process.env.SUPABASE_ANON_KEY ?? 'crosschat-anon';

async function api<T = any>(path: string, body?: unknown, token?: string, method = body ? 'POST' : 'GET'): Promise<T> {
  const res = await fetch(API_URL + path, {
    method,
    headers: { apikey: ANON_KEY, ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
  return data as T;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('visitor on a website ↔ agent in the dashboard, live, side by side', () => {
  let browser: Browser;
  let agent: Page;
  let visitor: Page;
  let widget: Frame;
  const email = `agent-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'a-long-enough-passphrase';
  let websiteToken: string;

  beforeAll(async () => {
    const session = await api('/auth/v1/signup', { email, password, data: { full_name: 'Alex Agent' } });
    const business = await api('/businesses', { name: 'Northwind Coffee', timezone: 'UTC' }, session.access_token);
    await api(`/businesses/${business.id}/settings`, { working_hours: { enabled: false } }, session.access_token, 'PATCH');
    const integration = await api('/integrations/widget/connect', { business_id: business.id, config: { title: 'Northwind support', greeting_message: 'Hi! Ask us anything about our coffee.' } }, session.access_token);
    websiteToken = integration.platform_account_id;
    await api(`/businesses/${business.id}/canned-responses`, { shortcut: 'shipping', content: 'Yes, we ship to Lisbon in 2–3 days!' }, session.access_token);
    browser = await launch();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    visitor = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
    agent.setDefaultTimeout(15_000);
    visitor.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the visitor writes, the agent sees it without reload, replies, and the visitor sees the reply', async () => {
    await agent.goto(`${WEB_URL}/login`);
    await agent.getByLabel('Work email').fill(email);
    await agent.getByLabel('Password').fill(password);
    await agent.getByTestId('login-submit').click();
    await agent.getByTestId('inbox-empty').waitFor();

    await visitor.goto(`${WEB_URL}/demo.html?token=${websiteToken}&open=1`);
    const frameElement = await visitor.waitForSelector('iframe[data-crosschat="frame"]');
    widget = (await frameElement.contentFrame())!;
    await widget.getByTestId('widget-composer').waitFor();
    await widget.getByText('Hi! Ask us anything about our coffee.').waitFor();
    await screenshot(visitor, '10-visitor-widget-open');

    await widget.getByTestId('widget-composer').fill('Hello! Do you ship to Lisbon?');
    await widget.getByTestId('widget-composer').press('Enter');

    // No reload: the conversation appears in the agent's open inbox through realtime.
    const row = agent.getByTestId('conversation-row').first();
    await row.waitFor();
    // The greeting the conversation workflow sent is the latest message in the preview.
    await row.filter({ hasText: 'Hi! Ask us anything about our coffee.' }).waitFor();
    // Counts follow live too: one unread conversation beside "Inbox", one open in the All tab.
    await agent.getByTestId('unread-badge').filter({ hasText: '1' }).waitFor();
    // Radix renders a tab's label twice (one copy only reserves its bold width): take the visible one.
    await agent.getByTestId('tab-count-all').filter({ hasText: '1' }).first().waitFor();
    await row.click();
    await agent.getByTestId('message').filter({ hasText: 'Do you ship to Lisbon?' }).waitFor();
    // Opening the conversation reads it.
    await agent.getByTestId('unread-badge').waitFor({ state: 'detached' });
    await screenshot(agent, '11-agent-sees-visitor');

    await widget.getByTestId('widget-composer').fill('Also, decaf?');
    await agent.getByTestId('visitor-typing').waitFor();

    // A saved reply: "/ship" lists it, Enter inserts it, Enter again sends it.
    await agent.getByTestId('composer').fill('/ship');
    await agent.getByTestId('canned-picker').waitFor();
    await agent.getByTestId('composer').press('Enter');
    expect(await agent.getByTestId('composer').inputValue()).toBe('Yes, we ship to Lisbon in 2–3 days!');
    await agent.getByTestId('composer').press('Space');
    await widget.getByTestId('widget-typing').waitFor();
    await agent.getByTestId('composer').press('Enter');
    await widget.getByTestId('widget-message').filter({ hasText: 'we ship to Lisbon' }).waitFor();
    await screenshot(visitor, '12-visitor-sees-reply');
    // The visitor saw it: the agent's message shows as read.
    await agent.locator('[title="Read"]').first().waitFor();
    await screenshot(agent, '13-agent-reply-read');

    // Keyboard: ? lists the shortcuts.
    await agent.locator('body').click({ position: { x: 5, y: 400 } });
    await agent.keyboard.press('?');
    await agent.getByTestId('shortcuts-dialog').waitFor();
    await screenshot(agent, '14-shortcuts');
    await agent.keyboard.press('Escape');

    // Presence: the agent shows as online on the team page.
    await agent.getByTestId('nav-team').click();
    await agent.getByTestId('presence-online').first().waitFor();
    await agent.goBack();
    await agent.getByTestId('composer').waitFor();

    // Analytics: the visitor's conversation and the agent's reply are in the report.
    await agent.getByTestId('nav-analytics').click();
    await agent.getByTestId('stat-conversations-value').filter({ hasText: /^\d+$/ }).waitFor();
    expect(await agent.getByTestId('stat-conversations-value').textContent()).toBe('1');
    await agent.getByTestId('stat-first-response-value').filter({ hasText: /\d/ }).waitFor();
    await agent.getByTestId('analytics-agent-row').filter({ hasText: 'Alex Agent' }).waitFor();
    await agent.locator('[data-testid="analytics-daily-chart"] .recharts-area-curve').first().waitFor();
    await agent.waitForTimeout(700); // the charts' entry animation
    await screenshot(agent, '15-analytics');
    await agent.getByTestId('theme-toggle').click();
    await agent.waitForFunction(() => document.documentElement.dataset.appearance === 'dark');
    await screenshot(agent, '15-analytics-dark');
    await agent.getByTestId('theme-toggle').click();
    await agent.goBack();
    await agent.getByTestId('composer').waitFor();
  });

  it('measures visitor-message-to-agent-screen latency (reported, not asserted)', async () => {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const text = `latency probe ${i} ${randomUUID().slice(0, 6)}`;
      await widget.getByTestId('widget-composer').fill(text);
      const started = Date.now();
      await widget.getByTestId('widget-composer').press('Enter');
      await agent.getByTestId('message').filter({ hasText: text }).waitFor();
      samples.push(Date.now() - started);
    }
    const report = { samples_ms: samples, median_ms: median(samples), measured_at: new Date().toISOString(), path: 'widget POST → Postgres → NOTIFY → API realtime → dashboard render' };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, 'latency.json'), JSON.stringify(report, null, 2));
    console.log(`visitor → agent screen latency: median ${report.median_ms} ms over ${samples.length} messages (${samples.join(', ')})`);
    expect(samples).toHaveLength(7);
  });
});
