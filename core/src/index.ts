export * from './config/env.js';
export * from './db/entities/index.js';
export * from './db/orm-config.js';
export * from './db/migrate.js';
export * from './businesses/settings.js';
export * from './team/permissions.js';
export * from './customers/identity.js';
