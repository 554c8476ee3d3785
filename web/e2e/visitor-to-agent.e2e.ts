import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import { RESULTS_DIR, WEB_URL, agentAndVisitor, api, businessWithWidget, launch, openWidget, screenshot, signIn } from './browser.js';

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
    const setup = await businessWithWidget({
      email, password, fullName: 'Alex Agent', businessName: 'Northwind Coffee',
      widgetConfig: { title: 'Northwind support', greeting_message: 'Hi! Ask us anything about our coffee.' },
    });
    websiteToken = setup.websiteToken;
    await api(`/businesses/${setup.businessId}/canned-responses`, { shortcut: 'shipping', content: 'Yes, we ship to Lisbon in 2–3 days!' }, setup.token);
    browser = await launch();
    ({ agent, visitor } = await agentAndVisitor(browser));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the visitor writes, the agent sees it without reload, replies, and the visitor sees the reply', async () => {
    await signIn(agent, email, password);
    await agent.getByTestId('inbox-empty').waitFor();

    widget = await openWidget(visitor, websiteToken);
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

  it('the agent finds the visitor in Customers, edits their profile and follows a conversation back to the inbox', async () => {
    const businessId = agent.url().match(/\/app\/([^/]+)\//)![1]!;
    // A few more customers, so there is something to search and filter.
    const { access_token: token } = await api('/auth/v1/token?grant_type=password', { email, password });
    for (const c of [
      { name: 'Maria Santos', email: 'maria@santos.example', tags: ['wholesale', 'vip'] },
      { name: 'Jonas Berg', phone: '+46 70 123 45 67', tags: ['vip'] },
      { name: 'Priya Raman', email: 'priya@example.test' },
    ]) await api('/customers', { business_id: businessId, ...c }, token);

    await agent.getByTestId('nav-customers').click();
    await agent.getByTestId('customer-row').filter({ hasText: 'Visitor' }).waitFor();
    const rows = agent.getByTestId('customer-row');
    /** Waits until the directory settles on exactly n rows. */
    const rowCount = (n: number) => agent.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="customer-row"]').length === n && !document.querySelector('.customers-card[data-stale]'), n);
    expect(await rows.count()).toBe(4);
    // The visitor came in through the widget: a "Website" channel badge.
    await rows.filter({ hasText: 'Visitor' }).getByText('Website', { exact: true }).waitFor();
    await screenshot(agent, '16-customers');
    await agent.getByTestId('theme-toggle').click();
    await agent.waitForFunction(() => document.documentElement.dataset.appearance === 'dark');
    await screenshot(agent, '16-customers-dark');
    await agent.getByTestId('theme-toggle').click();

    // Search is debounced into ?q= and survives a reload.
    await agent.getByTestId('customer-search').fill('maria');
    await agent.waitForURL(/[?&]q=maria/);
    await agent.reload();
    expect(await agent.getByTestId('customer-search').inputValue()).toBe('maria');
    await rows.filter({ hasText: 'Maria Santos' }).waitFor();
    await rowCount(1);
    await agent.getByTestId('customer-search').fill('nobody-by-this-name');
    await agent.getByTestId('customers-no-results').waitFor();
    await agent.getByTestId('customers-no-results').getByRole('button', { name: 'Clear search' }).click();
    await rows.filter({ hasText: 'Visitor' }).waitFor();

    // Tag filter.
    await agent.getByTestId('customer-tag-filter').click();
    await agent.getByRole('option', { name: 'vip' }).click();
    await agent.waitForURL(/[?&]tag=vip/);
    await rows.filter({ hasText: 'Jonas Berg' }).waitFor();
    await rowCount(2);

    // Delete (owner): confirm, and back to the directory without them.
    await rows.filter({ hasText: 'Jonas Berg' }).click(); // anywhere on the row
    await agent.getByTestId('customer-name').filter({ hasText: 'Jonas Berg' }).waitFor();
    await agent.getByTestId('delete-customer-open').click();
    await agent.getByTestId('delete-customer-confirm').click();
    await agent.waitForURL(/\/customers\?tag=vip$/);
    await rows.filter({ hasText: 'Maria Santos' }).waitFor();
    await rowCount(1);
    expect(await rows.filter({ hasText: 'Jonas Berg' }).count()).toBe(0);
    await agent.getByTestId('customer-clear-filters').click();
    await rows.filter({ hasText: 'Visitor' }).waitFor();

    // Rows are links: focusable, Enter opens the profile.
    await rows.filter({ hasText: 'Visitor' }).getByTestId('customer-link').focus();
    await agent.keyboard.press('Enter');
    await agent.getByTestId('customer-profile').waitFor();
    await agent.getByTestId('customer-conversation').first().waitFor();

    // Inline edit: the API's field message shows on the field, then the fix saves.
    await agent.getByTestId('customer-edit').click();
    await agent.locator('#customer-name').fill('Lisbon Visitor');
    await agent.locator('#customer-email').fill('not an email');
    await agent.getByTestId('customer-save').click();
    await agent.locator('#customer-email-error').filter({ hasText: 'Must be an email' }).waitFor();
    await agent.locator('#customer-email').fill('visitor@lisbon.example');
    await agent.getByTestId('customer-save').click();
    await agent.getByTestId('customer-name').filter({ hasText: 'Lisbon Visitor' }).waitFor();
    await agent.getByTestId('customer-detail-name').filter({ hasText: 'Lisbon Visitor' }).waitFor();

    await agent.getByTestId('customer-tag-input').fill('Lisbon');
    await agent.getByTestId('customer-tag-input').press('Enter');
    await agent.getByTestId('customer-tag').filter({ hasText: 'lisbon' }).waitFor();
    await agent.getByTestId('customer-tag-input').fill('decaf');
    await agent.getByTestId('customer-tag-input').press('Enter');
    await agent.getByTestId('customer-tag').filter({ hasText: 'decaf' }).waitFor();
    await agent.getByRole('button', { name: 'Remove tag decaf' }).click();
    await agent.getByTestId('customer-tag').filter({ hasText: 'decaf' }).waitFor({ state: 'detached' });

    await agent.getByTestId('customer-note').fill('Asked about shipping to Lisbon; prefers decaf.');
    await agent.getByTestId('customer-note').press('Enter');
    await agent.getByTestId('customer-note-item').filter({ hasText: 'prefers decaf' }).filter({ hasText: 'Alex Agent' }).waitFor();
    await agent.locator('body').click({ position: { x: 5, y: 5 } }); // no focus ring in the shot
    const dismiss = agent.getByTestId('toast').getByRole('button', { name: 'Dismiss' });
    while (await dismiss.count()) await dismiss.first().click({ timeout: 2000 }).catch(() => {}); // toasts out of the shot
    await screenshot(agent, '17-customer-profile');
    await agent.getByTestId('theme-toggle').click();
    await agent.waitForFunction(() => document.documentElement.dataset.appearance === 'dark');
    await screenshot(agent, '17-customer-profile-dark');
    await agent.getByTestId('theme-toggle').click();

    // The saved changes are in the directory too.
    await agent.getByTestId('customer-back').click();
    await agent.getByTestId('customer-search').fill('lisbon');
    await rows.filter({ hasText: 'Lisbon Visitor' }).filter({ hasText: 'lisbon' }).waitFor();
    await rows.filter({ hasText: 'Lisbon Visitor' }).getByTestId('customer-link').click();

    // A conversation links back into the inbox, where the sidebar shows the same profile.
    await agent.getByTestId('customer-conversation').first().click();
    await agent.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await agent.getByTestId('composer').waitFor();
    const sidebar = agent.getByRole('complementary', { name: 'Customer', exact: true });
    await sidebar.getByText('Lisbon Visitor').waitFor();
    await sidebar.getByTestId('customer-note-item').filter({ hasText: 'prefers decaf' }).waitFor();

    // An unknown customer is a friendly "not found".
    await agent.goto(`${WEB_URL}/app/${businessId}/customers/${randomUUID()}`);
    await agent.getByTestId('customer-not-found').waitFor();

    // Paging: 30 a page; the next page loads as "Load more" scrolls into view.
    await Promise.all(Array.from({ length: 35 }, (_, i) => api('/customers', { business_id: businessId, name: `Bulk Customer ${i + 1}` }, token)));
    await agent.getByTestId('customer-back').click();
    await rowCount(30);
    await agent.getByTestId('customers-load-more').scrollIntoViewIfNeeded();
    await rowCount(38);
    await agent.getByText('That’s everyone.').waitFor();
    expect(await agent.getByTestId('customers-load-more').count()).toBe(0);
  });
});
