import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { agentAndVisitor, businessWithWidget, launch, openWidget, screenshot, signIn } from './browser.js';

describe('customer satisfaction: the agent resolves, the visitor rates, the agent sees it', () => {
  let browser: Browser;
  let agent: Page;
  let visitor: Page;
  const email = `csat-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'a-long-enough-passphrase';
  let websiteToken: string;

  beforeAll(async () => {
    ({ websiteToken } = await businessWithWidget({ email, password, fullName: 'Casey Care', businessName: 'Rated Roasters' }));
    browser = await launch();
    ({ agent, visitor } = await agentAndVisitor(browser));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the rating card once resolved, stores the rating, and badges the thread', async () => {
    const widget = await openWidget(visitor, websiteToken);
    await widget.getByTestId('widget-composer').fill('My grinder arrived broken');
    await widget.getByTestId('widget-composer').press('Enter');

    await signIn(agent, email, password);
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
