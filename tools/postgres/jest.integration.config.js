// Talks to a real PostgreSQL (DATABASE_URL or 127.0.0.1:5432) and starts an embedded one.
module.exports = {
  displayName: 'local-postgres:integration',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
};
