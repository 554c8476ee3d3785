import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WEB_URL, launch, screenshot } from './browser.js';

describe('dashboard in a real browser: sign up → create a business → inbox', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const email = `e2e-${randomUUID().slice(0, 8)}@example.test`;
  const password = 'a-long-enough-passphrase';

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs up, onboards and lands on the empty inbox', async () => {
    await page.goto(WEB_URL);
    await page.waitForURL('**/login');
    await screenshot(page, '01-login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByTestId('signup-submit').click();
    await page.getByText('Tell us your name').waitFor();
    expect(await page.getByText('Enter a valid email address').isVisible()).toBe(true);
    await page.getByLabel('Your name').fill('Erin Endtoend');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill(password);
    await screenshot(page, '02-signup');
    await page.getByTestId('signup-submit').click();

    await page.waitForURL('**/onboarding');
    await page.getByLabel('Business name').fill('Northwind Coffee');
    expect(await page.getByLabel('Workspace address').inputValue()).toBe('northwind-coffee');
    await screenshot(page, '03-onboarding-business');
    await page.getByTestId('onboarding-next').click();
    await page.getByTestId('onboarding-step-2').waitFor();
    await screenshot(page, '04-onboarding-preferences');
    await page.getByTestId('onboarding-create').click();

    await page.waitForURL(/\/app\/[0-9a-f-]+\/inbox/);
    await page.getByTestId('inbox-empty').waitFor();
    expect(await page.getByTestId('business-switcher').textContent()).toContain('Northwind Coffee');
    await screenshot(page, '05-inbox-empty-light');
    await page.getByTestId('theme-toggle').click();
    await page.waitForFunction(() => document.querySelector('.radix-themes')?.classList.contains('dark'));
    await screenshot(page, '06-inbox-empty-dark');
    await page.getByTestId('theme-toggle').click();
  });

  it('shows the team with the owner, and settings with the widget snippet', async () => {
    await page.getByTestId('nav-team').click();
    await page.getByTestId('team-row').first().waitFor();
    expect(await page.getByTestId('team-row').first().textContent()).toContain('Erin Endtoend');
    await screenshot(page, '07-team');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('widget-connect').click();
    await page.getByTestId('widget-snippet').waitFor();
    expect(await page.getByTestId('widget-snippet').textContent()).toContain('websiteToken');
    await screenshot(page, '08-settings');
  });

  it('signs out and back in, landing in the inbox', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/login');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByText('Invalid login credentials').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/app\/[0-9a-f-]+\/inbox/);
    await page.getByTestId('inbox-empty').waitFor();
  });
});
