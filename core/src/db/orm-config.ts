import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ALL_ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ALL_ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false },
    // Rows keep the column names (snake_case) so REST, realtime and Supabase payloads match.
    forceUtcTimezone: true,
    // Ids are generated in the app (onCreate) at em.create(), so related rows can reference them before flush.
    processOnCreateHooksEarly: true,
    pool: { min: 0, max: 10 },
    debug: process.env.DB_DEBUG === '1',
    ...overrides,
  });
}
