module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'pagopa-sim',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
