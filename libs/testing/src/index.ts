// One implementation of "a free port", shared with the local Kafka tooling.
export { findFreePort as freePort } from '@helpdesk/local-kafka';
export { createTestDatabase, TestDatabase } from './test-database';
export { testDatabaseServerUrl, testKafkaBrokers } from './test-environment';
export { RecordedMessage, TopicRecorder } from './topic-recorder';
export { waitFor } from './wait-for';
export { ControllerTestApp, startControllerTestApp } from './controller-test-app';
export { serviceNowDatasetPath } from './datasets';
