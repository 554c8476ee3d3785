import type { INestApplication } from '@nestjs/common';
import { loadSettings, type Settings } from '@crosschat/core';
import { createApp } from '../src/app.js';

export interface TestApi {
  app: INestApplication;
  url: string;
  settings: Settings;
  close: () => Promise<void>;
}

/** Boots the real API (real Postgres and Temporal from the test env) on a free port. */
export async function startTestApi(overrides: Partial<Settings> = {}): Promise<TestApi> {
  const settings = { ...loadSettings(), apiPort: 0, ...overrides };
  const app = await createApp(settings, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  settings.apiPublicUrl = url;
  return { app, url, settings, close: () => app.close() };
}

export async function call<T = any>(api: TestApi, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(api.url + path, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try { body = text ? JSON.parse(text) : null; } catch { /* keep text */ }
  return { status: res.status, body: body as T };
}
