import fs from 'node:fs';

const swc = JSON.parse(fs.readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));

/** One Jest run over every workspace (ESM, TypeScript through SWC). */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/core', '<rootDir>/workflows', '<rootDir>/workers', '<rootDir>/api', '<rootDir>/web'],
  testMatch: ['**/src/**/*.test.ts', '**/test/**/*.test.ts', '**/web/app/**/*.test.ts', '**/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/build/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@crosschat/core$': '<rootDir>/core/src/index.ts',
    '^@crosschat/workflows$': '<rootDir>/workflows/src/index.ts',
    '^@crosschat/workflows/(.*)$': '<rootDir>/workflows/src/$1',
    '^@crosschat/workers$': '<rootDir>/workers/src/index.ts',
    '^@crosschat/core/(.*)$': '<rootDir>/core/src/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, sourceMaps: 'inline', $schema: undefined }],
  },
  testTimeout: 60_000,
  slowTestThreshold: 30,
};
