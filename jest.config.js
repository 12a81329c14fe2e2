/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  // Transpile only: `npm test` type-checks the whole tree with tsc before Jest runs.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
  // Jest wiring of the platform doubles (platform-doubles/): platform globals before any module loads, per-test resets
  // and contract checks, one private MariaDB per run for Forge SQL.
  setupFiles: ['<rootDir>/test/harness/setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/harness/setupAfterEnv.ts'],
  globalSetup: '<rootDir>/test/harness/globalSetup.ts',
  globalTeardown: '<rootDir>/test/harness/globalTeardown.ts',
};
