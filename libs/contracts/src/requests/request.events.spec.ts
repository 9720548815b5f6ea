import { PayloadValidationError } from '../events/event-definition';
import { EventEnvelope } from '../events/event-envelope';
import { Topics } from '../topics';
import { RequestApproved, RequestSubmitted, ServiceRequestEvents, ServiceRequestSnapshot } from './request.events';

const snapshot: ServiceRequestSnapshot = {
  id: '0190b7c2-0000-7000-8000-000000000001',
  number: 'REQ0000042',
  version: 1,
  state: 'awaiting_approval',
  catalogItemId: '0190b7c2-0000-7000-8000-0000000000aa',
  catalogItemCode: 'software-install',
  catalogItemNameJa: 'ソフトウェアのインストール',
  catalogItemNameEn: 'Software install',
  category: 'software',
  requesterId: 'u1',
  requesterName: '山田 花子 🌸',
  requestedForId: 'u1',
  requestedForName: '山田 花子 🌸',
  requestedForDepartment: '営業部',
  description: null,
  form: { software: 'visio', businessReason: '図面作成のため' },
  approvalPolicy: 'manager',
  approverId: 'm1',
  approvalGroupId: null,
  approvalGroupName: null,
  approval: null,
  fulfilmentGroupId: 'g1',
  fulfilmentGroupName: 'Desktop Support',
  tasks: [],
  cancelReason: null,
  submittedAt: '2026-01-05T00:00:00.000Z',
  approvalRequestedAt: '2026-01-05T00:00:00.000Z',
  approvedAt: null,
  rejectedAt: null,
  fulfilmentStartedAt: null,
  fulfilledAt: null,
  closedAt: null,
  cancelledAt: null,
  updatedAt: '2026-01-05T00:00:00.000Z',
};

const envelope = (type: string, payload: unknown): EventEnvelope => ({ type, payload }) as unknown as EventEnvelope;

describe('request events', () => {
  it('all go to the request topic under distinct request.* types, keyed by the request aggregate', () => {
    const types = ServiceRequestEvents.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    for (const e of ServiceRequestEvents) {
      expect(e.topic).toBe(Topics.serviceRequest);
      expect(e.aggregateType).toBe('service_request');
      expect(e.type.startsWith('request.')).toBe(true);
    }
  });

  it('matches its own type with a valid payload, and only its own', () => {
    const payload = { request: snapshot, changes: [], detail: { onBehalfOf: null } };
    expect(RequestSubmitted.match(envelope('request.submitted', payload))?.payload.request.number).toBe('REQ0000042');
    expect(RequestApproved.match(envelope('request.submitted', payload))).toBeNull();
  });

  it('refuses a payload without the snapshot, changes or detail', () => {
    expect(RequestSubmitted.describePayloadProblems({ request: snapshot })).toEqual([
      'changes must be an array',
      'detail must be an object',
    ]);
    expect(RequestSubmitted.describePayloadProblems('x')).toEqual(['payload must be an object']);
  });

  it('names each bad snapshot field', () => {
    const bad = { ...snapshot, number: 'INC0000001', state: 'open', version: 0, form: [], approvalPolicy: 'boss', tasks: [{}] };
    expect(RequestApproved.describePayloadProblems({ request: bad, changes: [], detail: {} })).toEqual([
      'request.number must be REQ and 7 digits',
      'request.version must be a positive integer',
      expect.stringContaining('request.state must be one of submitted'),
      'request.form must be an object',
      expect.stringContaining('request.approvalPolicy must be one of none'),
      'request.tasks must be an array of tasks with ids',
    ]);
    expect(() => RequestApproved.match(envelope('request.approved', { request: bad, changes: [], detail: {} }))).toThrow(
      PayloadValidationError,
    );
  });
});
