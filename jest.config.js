/**
 * One jest configuration for every pass of scripts/test.mjs. The runner chooses the files and
 * the environment (database engine, time zone); this file only says how to compile them.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

/**
 * The one module that loads ESM-only packages (openid-client, oidc-provider) keeps its import()
 * native: jest's CommonJS runtime cannot require() them, but loads them through its ESM loader.
 */
const swcKeepingDynamicImport = [swc[0], { ...swc[1], module: { type: 'commonjs', ignoreDynamic: true } }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '/importEsm\\.ts$': swcKeepingDynamicImport, '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Dynamic import() needs a file extension under moduleResolution node16 (the web app's lazy
  // routes write './Page.js'); map it back to the TypeScript source, as webpack's extensionAlias does.
  moduleNameMapper: { '^(\\.{1,2}/.+)\\.js$': '$1' },
  setupFiles: ['<rootDir>/test/support/setupEnv.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/sealedTests.ts'],
  testTimeout: 30000,
  // Workers grew to 4–5 GB over a full run and slowed down with it (garbage collection); a worker
  // past this size after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1500MB',
  // @electric-sql/pglite ships ESM next to CJS; jest resolves the CJS build through "require".
  transformIgnorePatterns: ['/node_modules/'],
};
