/**
 * Integration tests: a real database. With DATABASE_URL they run on that PostgreSQL,
 * otherwise on an in-memory PGlite. `npm test` runs them once per engine.
 */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: `api-integration (${process.env.DATABASE_URL ? 'postgresql' : 'pglite'})`,
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  testTimeout: 60000,
};
