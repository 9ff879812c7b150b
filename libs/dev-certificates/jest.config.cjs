module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'dev-certificates',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
