import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WEB_URL, launch, screenshot } from './browser.js';

/**
 * The dashboard in headless Chromium against a running stack (WEB_URL, API_URL): a new user
 * signs up, creates a business and lands on the empty inbox; team and settings work; signing
 * out and in again lands in the inbox. Screenshots of every step go to TEST_RESULTS_DIR.
 */
describe('dashboard in a real browser: sign up → create a business → inbox', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const suffix = randomUUID().slice(0, 8);
  const email = `e2e-${suffix}@example.test`;
  const password = 'a-long-enough-passphrase';
  const businessName = 'Northwind Coffee';
  const slug = `northwind-coffee-${suffix}`;

  const appearance = () => page.evaluate(() => (document.querySelector('.radix-themes.dark') ? 'dark' : 'light'));

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Lisbon', colorScheme: 'light' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs up, creates a business in two steps and lands on the empty inbox', async () => {
    await page.goto(WEB_URL);
    await page.waitForURL('**/login');
    await page.getByTestId('login-form').waitFor();
    await screenshot(page, '01-login');

    await page.getByTestId('to-signup').click();
    await page.waitForURL('**/signup');
    await page.getByTestId('signup-submit').click();
    await page.getByText('Tell us your name').waitFor();
    expect(await page.getByText('Enter your email address').isVisible()).toBe(true);
    expect(await page.getByText('Use at least 8 characters').isVisible()).toBe(true);
    await screenshot(page, '02-signup-validation');
    await page.getByLabel('Your name').fill('Erin Endtoend');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');

    await page.waitForURL('**/onboarding');
    await page.getByTestId('onboarding-step-1').waitFor();
    await page.getByLabel('Business name').fill(businessName);
    expect(await page.getByLabel('Workspace address').inputValue()).toBe('northwind-coffee');
    await page.getByLabel('Workspace address').fill(slug);
    await page.getByLabel('Website').fill('northwind.example');
    await screenshot(page, '03-onboarding-business');
    await page.getByTestId('onboarding-next').click();
    await page.getByTestId('onboarding-step-2').waitFor();
    expect(await page.getByTestId('timezone').textContent()).toContain('Lisbon');
    await screenshot(page, '04-onboarding-preferences');
    await page.getByTestId('onboarding-create').click();

    await page.waitForURL(/\/app\/[0-9a-f-]+\/inbox/);
    await page.getByTestId('inbox-empty').waitFor();
    await page.getByTestId('inbox-setup').waitFor();
    expect(await page.getByTestId('business-switcher').textContent()).toContain(businessName);
    expect(await page.getByTestId('user-menu').textContent()).toContain('Erin Endtoend');
    expect(await appearance()).toBe('light');
    await screenshot(page, '05-inbox-empty-light');

    await page.getByTestId('theme-toggle').click();
    await page.waitForFunction(() => document.querySelector('.radix-themes')?.classList.contains('dark'));
    await page.mouse.move(0, 0);
    await screenshot(page, '06-inbox-empty-dark');
    // The choice survives a reload.
    await page.reload();
    await page.getByTestId('inbox-empty').waitFor();
    expect(await appearance()).toBe('dark');
    await page.getByTestId('theme-toggle').click();
    await page.waitForFunction(() => !document.querySelector('.radix-themes.dark'));
  });

  it('shows the owner on the team page and sends an invitation', async () => {
    await page.getByTestId('nav-team').click();
    await page.getByTestId('team-row').first().waitFor();
    expect(await page.getByTestId('team-row').first().textContent()).toContain('Erin Endtoend');
    await page.getByTestId('invite-open').click();
    await page.getByLabel('Email address').fill(`teammate-${suffix}@example.test`);
    await screenshot(page, '07-team-invite');
    await page.getByTestId('invite-send').click();
    await page.getByTestId('invitation-row').first().waitFor();
    expect(await page.getByTestId('invitation-row').first().textContent()).toContain(`teammate-${suffix}@example.test`);
    await page.getByTestId('toast').filter({ hasText: 'Invitation sent' }).waitFor();
    await screenshot(page, '08-team-invitations');
  });

  it('saves the business profile and creates the website widget in settings', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('profile-form').waitFor();
    await page.getByLabel('Phone').fill('+351 21 000 0000');
    await page.getByTestId('save-profile').click();
    await page.getByTestId('profile-saved').waitFor();
    await screenshot(page, '09-settings-profile');

    await page.getByTestId('settings-tab-hours').click();
    await page.getByTestId('hours-form').waitFor();
    expect(await page.getByTestId('settings-timezone').textContent()).toContain('Lisbon');
    await screenshot(page, '09b-settings-hours');

    await page.getByTestId('settings-tab-channels').click();
    await page.getByTestId('widget-connect').click();
    await page.getByTestId('widget-snippet').waitFor();
    expect(await page.getByTestId('widget-snippet').textContent()).toContain('websiteToken');

    // Appearance and behaviour: what the visitor's widget gets from the public config.
    await page.getByLabel('Title', { exact: true }).fill('Talk to Northwind');
    await page.getByTestId('widget-color').fill('#12a594');
    await page.getByTestId('widget-greeting').fill('Hello there! Questions about beans?');
    await page.getByTestId('widget-prechat').click();
    await page.getByTestId('save-widget').click();
    await page.getByTestId('widget-saved').waitFor();
    await screenshot(page, '09c-settings-channels');
    const token = (await page.getByTestId('widget-snippet').textContent())!.match(/websiteToken: '([^']+)'/)![1]!;
    const res = await fetch(`${process.env.API_URL}/widget/v1/config?website_token=${token}`);
    expect(await res.json()).toMatchObject({ title: 'Talk to Northwind', color: '#12a594', greeting_message: 'Hello there! Questions about beans?', pre_chat_form: { enabled: true } });
    await page.getByTestId('widget-color').fill('teal');
    await page.getByTestId('save-widget').click();
    await page.getByText('Use a hex color such as #3e63dd').waitFor();
  });

  it('signs out, and signing in again lands in the inbox', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/login');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').textContent()).toMatch(/invalid/i);
    await page.getByLabel('Password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/app\/[0-9a-f-]+\/inbox/);
    await page.getByTestId('inbox-empty').waitFor();
    expect(await page.getByTestId('business-switcher').textContent()).toContain(businessName);
  });
});
