// One implementation of "a free port", shared with the local Kafka tooling.
export { findFreePort as freePort } from '@helpdesk/local-kafka';
export { createTestDatabase, TestDatabase } from './test-database';
export { testDatabaseServerUrl, testKafkaBrokers } from './test-environment';
export { RecordedMessage, TopicRecorder } from './topic-recorder';
export { TestEventPublisher, TestPublishOptions } from './test-event-publisher';
export { createConsumerGroupAtEnd } from './consumer-group-at-end';
export { waitFor } from './wait-for';
export { ControllerTestApp, ControllerTestMetadata, startControllerTestApp, useControllerTestApp } from './controller-test-app';
export { ServiceTestApp, ServiceTestAppOptions, startServiceTestApp } from './service-test-app';
export { TestPrincipal, TestTokenSigner } from './test-token-signer';
export { requestAs, SignedRequests, signedRequests, SignedTestApp } from './signed-requests';
export { serviceNowDatasetPath } from './datasets';
export { testIncidentSnapshot } from './incident-snapshot.factory';
export { publishIncidentEvent, TEST_INCIDENT_EVENTS, TestIncidentEventType, testUserSnapshot } from './peer-events';
