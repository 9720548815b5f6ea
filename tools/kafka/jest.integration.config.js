// Starts a real Kafka broker (Java 17 + Maven-resolved jars); see docs/local-infrastructure.md.
module.exports = {
  displayName: 'local-kafka:integration',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
};
