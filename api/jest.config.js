/** API tests: pure logic and GraphQL against a real PostgreSQL (embedded unless DATABASE_URL is set). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['**/src/**/*.test.ts', '**/src/**/__tests__/**/*.test.ts'],
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30000,
};
