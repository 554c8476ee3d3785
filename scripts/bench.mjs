// `npm run bench`: the inbox's hot path under load on this machine, against a baseline measured
// in the same run. Starts its own services and processes (ports of `npm test` + 100).
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { DATA_DIR, ROOT } from './lib/paths.mjs';
import { log } from './lib/log.mjs';
import { buildServer, buildWeb } from './lib/build.mjs';
import { startServices } from './lib/services.mjs';
import { startApps } from './lib/stack.mjs';

const MESSAGES = Number(process.env.BENCH_MESSAGES || 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 8);
const dataDir = path.join(DATA_DIR, 'bench-run');
fs.rmSync(dataDir, { recursive: true, force: true });

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const summary = (xs) => ({ p50: +pct(xs, 50).toFixed(1), p95: +pct(xs, 95).toFixed(1), max: +Math.max(...xs).toFixed(1) });

async function json(url, { body, token, method } = {}) {
  const res = await fetch(url, {
    method: method ?? (body ? 'POST' : 'GET'),
    headers: { apikey: 'crosschat-anon', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

async function pool(count, concurrency, task) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await task(next++);
  }));
}

buildServer();
buildWeb();
const services = await startServices({ dataDir, pgPort: 54449, dbName: 'crosschat_bench', temporalPort: 7355, temporalUiPort: 0, temporalDbFile: null, headless: true });
let apps;
try {
  const { migrate } = await import('../core/dist/index.js');
  await migrate(services.env.DATABASE_URL);
  apps = startApps({ env: { ...services.env, MAIL_DIR: path.join(dataDir, 'mail'), CROSSCHAT_TEST: '1' }, apiPort: 4011, webPort: 4010 });
  await apps.ready;
  const api = 'http://127.0.0.1:4011';

  const session = await json(`${api}/auth/v1/signup`, { body: { email: `bench-${randomUUID().slice(0, 8)}@example.test`, password: 'bench-password-123' } });
  const business = await json(`${api}/businesses`, { token: session.access_token, body: { name: 'Bench Co' } });
  await json(`${api}/businesses/${business.id}/settings`, { token: session.access_token, method: 'PATCH', body: { working_hours: { enabled: false } } });
  const widget = await json(`${api}/integrations/widget/connect`, { token: session.access_token, body: { business_id: business.id } });

  // Baseline: the cheapest authenticated round trip through the same API process.
  const baseline = [];
  for (let i = 0; i < MESSAGES; i++) {
    const t = performance.now();
    await json(`${api}/notifications`, { token: session.access_token });
    baseline.push(performance.now() - t);
  }

  // An agent listening to the whole business through Realtime, as the inbox does.
  const supabase = createClient(api, 'crosschat-anon', { accessToken: async () => session.access_token });
  await supabase.realtime.setAuth();
  const sentAt = new Map();
  const delivery = [];
  let received = 0;
  const allReceived = new Promise((resolve) => {
    supabase.channel(`inbox:${business.id}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `business_id=eq.${business.id}` }, (change) => {
        const started = sentAt.get(change.new.content);
        if (started === undefined) return;
        delivery.push(performance.now() - started);
        if (++received === MESSAGES) resolve();
      })
      .subscribe();
  });
  await new Promise((r) => setTimeout(r, 500));

  // Visitors: each message is stored, signals its conversation workflow, and fans out.
  const visitors = await Promise.all(Array.from({ length: CONCURRENCY }, () => json(`${api}/widget/v1/sessions`, { body: { website_token: widget.platform_account_id } })));
  const ingest = [];
  const started = performance.now();
  await pool(MESSAGES, CONCURRENCY, async (i) => {
    const content = `bench message ${i}`;
    const t = performance.now();
    sentAt.set(content, t);
    await json(`${api}/widget/v1/messages`, { token: visitors[i % CONCURRENCY].visitor_token, body: { content, client_message_id: randomUUID() } });
    ingest.push(performance.now() - t);
  });
  const elapsed = (performance.now() - started) / 1000;
  await Promise.race([allReceived, new Promise((r) => setTimeout(r, 30_000))]);
  supabase.realtime.disconnect();

  const result = {
    machine: `${(await import('node:os')).cpus().length} cores`,
    messages: MESSAGES,
    concurrency: CONCURRENCY,
    baseline_api_roundtrip_ms: summary(baseline),
    widget_message_ingest_ms: summary(ingest),
    ingest_vs_baseline_p50: +(pct(ingest, 50) / pct(baseline, 50)).toFixed(2),
    ingest_throughput_per_s: +(MESSAGES / elapsed).toFixed(1),
    realtime_delivery_ms: delivery.length ? summary(delivery) : null,
    realtime_delivered: `${received}/${MESSAGES}`,
  };
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench-results', 'latest.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  log('crosschat', `bench failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await apps?.stop();
  await services.stop();
}
