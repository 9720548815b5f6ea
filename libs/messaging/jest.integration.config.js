// Integration specs of libs/messaging against a real Kafka and PostgreSQL: those tools/test/run-integration.ts
// provides (KAFKA_BROKERS, DATABASE_URL). The outage suite starts a broker of its own.
module.exports = {
  displayName: 'messaging-integration',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 150_000,
};
