const { swcOptions } = require('./scripts/swc-options');

/** One embedded PostgreSQL per run (globalSetup); each test file gets its own database. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/config/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcOptions()] },
  moduleNameMapper: Object.fromEntries(
    Object.entries(require('./tsconfig.json').compilerOptions.paths).map(([k, v]) => [`^${k}$`, `<rootDir>/${v[0]}`]),
  ),
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};
