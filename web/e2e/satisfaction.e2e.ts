import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import { WEB_URL, api, launch, screenshot } from './browser.js';

describe('customer satisfaction: the agent resolves, the visitor rates, the agent sees it', () => {
  let browser: Browser;
  let agent: Page;
  let visitor: Page;
  let widget: Frame;
  const email = `csat-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'a-long-enough-passphrase';
  let websiteToken: string;

  beforeAll(async () => {
    const session = await api('/auth/v1/signup', { email, password, data: { full_name: 'Casey Care' } });
    const business = await api('/businesses', { name: 'Rated Roasters', timezone: 'UTC' }, session.access_token);
    await api(`/businesses/${business.id}/settings`, { working_hours: { enabled: false } }, session.access_token, 'PATCH');
    websiteToken = (await api('/integrations/widget/connect', { business_id: business.id }, session.access_token)).platform_account_id;
    browser = await launch();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    visitor = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
    agent.setDefaultTimeout(15_000);
    visitor.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the rating card once resolved, stores the rating, and badges the thread', async () => {
    await visitor.goto(`${WEB_URL}/demo.html?token=${websiteToken}&open=1`);
    widget = (await (await visitor.waitForSelector('iframe[data-crosschat="frame"]')).contentFrame())!;
    await widget.getByTestId('widget-composer').fill('My grinder arrived broken');
    await widget.getByTestId('widget-composer').press('Enter');

    await agent.goto(`${WEB_URL}/login`);
    await agent.getByLabel('Work email').fill(email);
    await agent.getByLabel('Password').fill(password);
    await agent.getByTestId('login-submit').click();
    await agent.getByTestId('conversation-row').first().click();
    await agent.getByTestId('composer').fill('So sorry! A replacement ships today.');
    await agent.getByTestId('composer').press('Enter');
    await agent.getByRole('button', { name: 'Resolve' }).click();

    // The widget hears the status change live and asks.
    await widget.getByTestId('widget-rating').waitFor();
    await widget.getByTestId('rating-4').click();
    await widget.getByLabel('Comment').fill('Quick and friendly');
    await screenshot(visitor, '18-visitor-rates');
    await widget.getByTestId('rating-submit').click();
    await widget.getByTestId('widget-rating-thanks').waitFor();

    // The agent's thread shows the rating (from the resolved list, where the conversation now is).
    await agent.getByTestId('status-filter').click();
    await agent.getByRole('option', { name: 'Resolved' }).click();
    await agent.getByTestId('conversation-row').first().click();
    const badge = agent.getByTestId('csat-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('4/5');
    await screenshot(agent, '19-agent-sees-rating');

    // From the thread's customer sidebar to the customer's profile.
    await agent.getByTestId('view-customer-profile').click();
    await agent.getByTestId('customer-profile').waitFor();
    expect(await agent.getByTestId('customer-name').textContent()).toBe('Visitor');
  });
});
