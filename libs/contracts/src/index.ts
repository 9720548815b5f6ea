export { EventActor, EventEnvelope, EventHeaders } from './events/event-envelope';
export { EnvelopeParseError, parseEnvelope } from './events/envelope-parse';
export { defineEvent, EventDefinition, PayloadValidationError } from './events/event-definition';
export {
  checkPayload,
  codePointLength,
  FieldCheck,
  booleanField,
  optionalString,
  requiredString,
  stringArray,
} from './events/payload-checks';
export {
  GroupCreated,
  GroupMembersChanged,
  GroupSnapshot,
  GroupUpdated,
  IdentityEvents,
  UserCreated,
  UserDeactivated,
  UserSnapshot,
  UserUpdated,
} from './identity/identity.events';
export { isRole, Role, ROLES, STAFF_ROLES } from './roles';
export { deadLetterTopic, DEAD_LETTER_SUFFIX, isDeadLetterTopic, TopicName, Topics } from './topics';
export { DEFAULT_DEMO_PASSWORD, DEMO_LOGINS } from './demo/demo-logins';
export * from './incident/incident.events';
export * from './requests/request.events';
export * from './problem/problem.events';
export * from './knowledge/knowledge.events';
export { isUuid, UUID_PATTERN } from './ids';
export * from './asset/asset.events';
export * from './reporting/digest.events';
