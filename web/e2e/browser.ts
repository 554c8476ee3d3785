import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const WEB_URL = process.env.WEB_URL ?? 'http://127.0.0.1:3000';
export const API_URL = process.env.API_URL ?? 'http://127.0.0.1:3001';
const ANON_KEY = process.env.SUPABASE_ANON_KEY ?? 'crosschat-anon';

/** A JSON call to the API under test (set-up steps that need no browser); throws on non-2xx. */
export async function api<T = any>(path: string, body?: unknown, token?: string, method = body ? 'POST' : 'GET'): Promise<T> {
  const res = await fetch(API_URL + path, {
    method,
    headers: { apikey: ANON_KEY, ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`);
  return data as T;
}

/** Screenshots go to TEST_RESULTS_DIR, or <repo>/test-results. */
export const RESULTS_DIR = process.env.TEST_RESULTS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');

/** Debian's Chromium, headless; never a downloaded browser. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Full-page screenshot into RESULTS_DIR. The dashboard scrolls inside its content pane, not the
 * window, so the viewport is stretched to that pane's full height for the shot.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const viewport = page.viewportSize();
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector('.content');
    return pane ? Math.max(0, pane.scrollHeight - pane.clientHeight) : 0;
  });
  if (viewport && overflow > 0) await page.setViewportSize({ width: viewport.width, height: viewport.height + overflow });
  try {
    await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    if (viewport && overflow > 0) await page.setViewportSize(viewport);
  }
}

/**
 * A signed-up agent with a business (working hours off, so no away notices) and a website
 * widget: what the side-by-side tests start from.
 */
export async function businessWithWidget(o: { email: string; password: string; fullName: string; businessName: string; widgetConfig?: Record<string, unknown> }) {
  const session = await api('/auth/v1/signup', { email: o.email, password: o.password, data: { full_name: o.fullName } });
  const business = await api('/businesses', { name: o.businessName, timezone: 'UTC' }, session.access_token);
  await api(`/businesses/${business.id}/settings`, { working_hours: { enabled: false } }, session.access_token, 'PATCH');
  const integration = await api('/integrations/widget/connect', { business_id: business.id, ...(o.widgetConfig ? { config: o.widgetConfig } : {}) }, session.access_token);
  return { token: session.access_token as string, businessId: business.id as string, websiteToken: integration.platform_account_id as string };
}

/** An agent's dashboard and a visitor's browser, in separate contexts of one Chromium. */
export async function agentAndVisitor(browser: Browser): Promise<{ agent: Page; visitor: Page }> {
  const agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const visitor = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
  agent.setDefaultTimeout(15_000);
  visitor.setDefaultTimeout(15_000);
  return { agent, visitor };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${WEB_URL}/login`);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The demo storefront with the widget open; returns the widget's frame. */
export async function openWidget(visitor: Page, websiteToken: string): Promise<Frame> {
  await visitor.goto(`${WEB_URL}/demo.html?token=${websiteToken}&open=1`);
  return (await (await visitor.waitForSelector('iframe[data-crosschat="frame"]')).contentFrame())!;
}
