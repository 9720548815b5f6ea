import {
  EventDefinition,
  EventEnvelope,
  IncidentAssigned,
  IncidentCancelled,
  IncidentClosed,
  IncidentCommented,
  IncidentCreated,
  IncidentEscalated,
  IncidentEventPayload,
  IncidentPriorityChanged,
  IncidentProblemLinked,
  IncidentReassigned,
  IncidentReopened,
  IncidentResolved,
  IncidentSatisfactionRecorded,
  IncidentSlaBreached,
  IncidentSlaWarning,
  IncidentSnapshot,
  IncidentStateChanged,
  IncidentUpdated,
  UserSnapshot,
} from '@helpdesk/contracts';
import { TestEventPublisher, TestPublishOptions } from './test-event-publisher';
import { TestPrincipal } from './test-token-signer';

/** A test person as identity.user.* carries them (what the gateway would publish). */
export function testUserSnapshot(person: TestPrincipal, overrides: Partial<UserSnapshot> = {}): UserSnapshot {
  return {
    id: person.id,
    email: person.email,
    displayName: person.name,
    displayNameJa: null,
    displayNameEn: null,
    department: null,
    managerId: null,
    locale: 'ja',
    timeZone: 'Asia/Tokyo',
    roles: person.roles,
    active: true,
    ...overrides,
  };
}

export const TEST_INCIDENT_EVENTS = {
  created: IncidentCreated,
  updated: IncidentUpdated,
  'state-changed': IncidentStateChanged,
  'problem-linked': IncidentProblemLinked,
  assigned: IncidentAssigned,
  reassigned: IncidentReassigned,
  'priority-changed': IncidentPriorityChanged,
  commented: IncidentCommented,
  resolved: IncidentResolved,
  reopened: IncidentReopened,
  closed: IncidentClosed,
  cancelled: IncidentCancelled,
  'sla-warning': IncidentSlaWarning,
  'sla-breached': IncidentSlaBreached,
  escalated: IncidentEscalated,
  'satisfaction-recorded': IncidentSatisfactionRecorded,
};
export type TestIncidentEventType = keyof typeof TEST_INCIDENT_EVENTS;

/**
 * Publishes an incident event the way the incident service's relay would: the snapshot, its version as the
 * sequence, and the detail (incident.created's routing detail unless given). `options.id` makes a redelivery.
 */
export function publishIncidentEvent(
  publisher: TestEventPublisher,
  type: TestIncidentEventType,
  incident: IncidentSnapshot,
  detail?: object,
  options: TestPublishOptions = {},
): Promise<EventEnvelope> {
  const payload: IncidentEventPayload = {
    incident,
    changes: [],
    detail: (detail ?? (type === 'created' ? { routingRuleId: null } : {})) as Record<string, unknown>,
  };
  const event = TEST_INCIDENT_EVENTS[type] as EventDefinition<string, IncidentEventPayload>;
  return publisher.publish(event, incident.id, payload, { sequence: incident.version, ...options });
}
