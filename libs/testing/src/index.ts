export { freePort } from './free-port';
export { createTestDatabase, TestDatabase } from './test-database';
export { testDatabaseServerUrl, testKafkaBrokers } from './test-environment';
export { RecordedMessage, TopicRecorder } from './topic-recorder';
export { waitFor } from './wait-for';
