module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'pagopa-sim',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // RSA keys (test IdP, stamp signer) and WebAssembly xmllint are slow when the 2-core machine is busy.
  testTimeout: 20_000,
};
