// Developer helper: `node scripts/services.mjs` starts the test services (Postgres on 54339,
// Temporal on 7244) and keeps them up, so single suites can run with `npx jest <path>`.
import path from 'node:path';
import { DATA_DIR } from './lib/paths.mjs';
import { startServices } from './lib/services.mjs';

import { buildServer } from './lib/build.mjs';
import { log } from './lib/log.mjs';

buildServer();
const services = await startServices({
  dataDir: path.join(DATA_DIR, 'test'), pgPort: 54339, dbName: 'crosschat_test',
  temporalPort: 7244, temporalUiPort: 8244, temporalDbFile: null, headless: true,
});
const { migrate } = await import('../core/dist/index.js');
await migrate(services.env.DATABASE_URL);
log('crosschat', `services ready; run tests with:\n  DATABASE_URL=${services.env.DATABASE_URL} TEMPORAL_ADDRESS=${services.env.TEMPORAL_ADDRESS} NODE_OPTIONS=--experimental-vm-modules npx jest <path>`);
const shutdown = async () => { await services.stop(); process.exit(0); };
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
