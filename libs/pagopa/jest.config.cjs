module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'pagopa',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
