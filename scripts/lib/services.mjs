import path from 'node:path';
import { startEmbeddedPostgres } from './postgres.mjs';
import { ensureTemporalCli, startTemporalDevServer } from './temporal.mjs';
import { log } from './log.mjs';

/**
 * Brings up what the processes need: PostgreSQL (embedded unless DATABASE_URL is set) and a
 * Temporal server (the CLI's dev server unless TEMPORAL_ADDRESS is set).
 * Returns the env the API, worker and tests should see, and a stop function.
 */
export async function startServices({ dataDir, pgPort, dbName, temporalPort, temporalUiPort, temporalDbFile, headless = false }) {
  const stops = [];
  const env = {};
  try {
    if (process.env.DATABASE_URL) {
      env.DATABASE_URL = process.env.DATABASE_URL;
      log('postgres', 'using DATABASE_URL');
    } else {
      const pg = await startEmbeddedPostgres({ dir: path.join(dataDir, 'pg'), port: pgPort });
      stops.push(pg.stop);
      env.DATABASE_URL = pg.url(dbName);
    }
    if (process.env.TEMPORAL_ADDRESS) {
      env.TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS;
      log('temporal', `using TEMPORAL_ADDRESS=${env.TEMPORAL_ADDRESS}`);
    } else {
      const cli = ensureTemporalCli();
      const t = await startTemporalDevServer({ cli, port: temporalPort, uiPort: temporalUiPort, dbFile: temporalDbFile, headless });
      stops.push(t.stop);
      env.TEMPORAL_ADDRESS = `127.0.0.1:${temporalPort}`;
      env.TEMPORAL_UI_URL = headless ? '' : `http://localhost:${temporalUiPort}`;
    }
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw error;
  }
  return {
    env,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch((e) => log('crosschat', `stop failed: ${e?.message ?? e}`));
    },
  };
}
