// `npm start`: builds what changed, starts Postgres + Temporal (embedded unless configured),
// migrates, then runs API, worker and dashboard until Ctrl-C.
import path from 'node:path';
import fs from 'node:fs';
import { DATA_DIR, ROOT } from './lib/paths.mjs';
import { log } from './lib/log.mjs';
import { buildServer, buildWeb } from './lib/build.mjs';
import { startServices } from './lib/services.mjs';
import { startApps } from './lib/stack.mjs';
import { loadDotEnv } from './lib/dotenv.mjs';
import { seedDemo } from './lib/demo.mjs';

loadDotEnv(path.join(ROOT, '.env'));
const started = Date.now();
const apiPort = Number(process.env.API_PORT || 3001);
const webPort = Number(process.env.WEB_PORT || 3000);
const temporalPort = Number(process.env.TEMPORAL_PORT || 7233);
const temporalUiPort = Number(process.env.TEMPORAL_UI_PORT || 8233);

buildServer();
buildWeb();
fs.mkdirSync(DATA_DIR, { recursive: true });
let services;
try {
  services = await startServices({
    dataDir: DATA_DIR,
    pgPort: Number(process.env.PGPORT_EMBEDDED || 54329),
    dbName: 'crosschat',
    temporalPort,
    temporalUiPort,
    temporalDbFile: path.join(DATA_DIR, 'temporal', 'temporal.db'),
  });
} catch (error) {
  log('crosschat', `start failed: ${error?.message ?? error}`);
  process.exit(1);
}

let shuttingDown = false;
let apps;
async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  log('crosschat', 'stopping…');
  await apps?.stop();
  await services.stop();
  log('crosschat', 'stopped; data is kept in .data/');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  const { migrate } = await import('../core/dist/index.js');
  const applied = await migrate(services.env.DATABASE_URL);
  log('crosschat', applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  apps = startApps({
    env: services.env,
    apiPort,
    webPort,
    onCrash: (name, code) => {
      log('crosschat', `${name} exited unexpectedly (code ${code}); shutting down`);
      shutdown(1);
    },
  });
  await apps.ready;
} catch (error) {
  log('crosschat', `start failed: ${error?.stack ?? error}`);
  await shutdown(1);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
log('crosschat', [
  `CrossChat is running (started in ${seconds} s). Ctrl-C stops everything.`,
  `  Dashboard      ${apps.webUrl}`,
  `  API            ${apps.apiUrl}`,
  `  API docs       ${apps.apiUrl}/docs`,
  `  Temporal UI    ${services.env.TEMPORAL_UI_URL || '(external Temporal: ' + services.env.TEMPORAL_ADDRESS + ')'}`,
  `  Mail outbox    ${process.env.SMTP_URL ? process.env.SMTP_URL : path.join(DATA_DIR, 'mail')}`,
].join('\n'));
if (process.env.DEMO === '1') {
  await seedDemo({ apiUrl: apps.apiUrl, webUrl: apps.webUrl, databaseUrl: services.env.DATABASE_URL, anonKey: process.env.SUPABASE_ANON_KEY }).catch((e) => log('crosschat', `demo seeding failed: ${e.message}`));
}
