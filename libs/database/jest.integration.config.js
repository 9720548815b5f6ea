// Integration specs: real PostgreSQL (DATABASE_URL, as tools/test/run-integration.ts provides).
module.exports = {
  displayName: 'database:integration',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 60_000,
};
