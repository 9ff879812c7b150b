/** End-to-end conformance suite: spawns the built API and simulator (see src/conformance/processes.ts). */
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'pagopa-sim conformance',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.conformance-spec.ts'],
  testTimeout: 60_000,
};
