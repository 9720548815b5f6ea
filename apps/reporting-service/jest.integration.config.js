// Integration specs: the real AppModule against real PostgreSQL (a throw-away database per suite) and
// the real Kafka broker that tools/test/run-integration.ts provides.
module.exports = {
  displayName: 'reporting-service:integration',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 60_000,
  // Suites boot a whole app each; two cores.
  maxWorkers: 2,
};
