import {
  EventDefinition,
  EventEnvelope,
  PayloadValidationError,
  ProblemCandidateRaised,
  ProblemClosed,
  ProblemCreated,
  ProblemIncidentLinked,
  ProblemIncidentUnlinked,
  ProblemKnownErrorPublished,
  ProblemRef,
  ProblemResolved,
  ProblemUpdated,
} from '@helpdesk/contracts';
import { InboxService } from '@helpdesk/messaging';
import { ProblemLinksConsumer } from './problem-links.consumer';
import { ProblemLinksService } from './problem-links.service';
import { ProblemRefsRepository } from './problem-refs.repository';

const problem: ProblemRef = {
  id: '0190a000-0000-7000-8000-0000000000aa',
  number: 'PRB0000007',
  title: 'VPN が切れる 🔌',
  state: 'known_error',
  rootCause: '証明書の期限切れ',
  workaround: '再接続してください',
};
const incidentId = '0190a000-0000-7000-8000-000000000001';

function envelope(definition: EventDefinition<string, unknown>, payload: unknown, sequence = 3): EventEnvelope {
  return {
    id: `event-${definition.type}`,
    type: definition.type,
    version: 1,
    occurredAt: '2026-04-01T09:00:00.000Z',
    source: 'problem-service',
    aggregateType: definition.aggregateType,
    aggregateId: problem.id,
    sequence,
    correlationId: 'c',
    causationId: null,
    actor: { id: 'problem-service', role: 'system' },
    payload,
  };
}

/** Which events reach the copy and which effect each has; the inbox runs the work at once with a fake manager. */
describe('ProblemLinksConsumer', () => {
  const manager = { fake: 'manager' };
  const calls: string[] = [];
  const inbox = {
    consumerGroup: 'incident-service',
    handleOnce: jest.fn(async (_group: string, _event: EventEnvelope, work: (m: unknown) => Promise<void>) => {
      await work(manager);
      return 'applied';
    }),
  };
  const problems = { upsert: jest.fn(async () => (calls.push('copy'), true)) };
  const links = {
    link: jest.fn(async (_m: unknown, _e: unknown, linked: boolean) => void calls.push(linked ? 'link' : 'unlink')),
    knownError: jest.fn(async () => void calls.push('knownError')),
    problemResolved: jest.fn(async () => void calls.push('problemResolved')),
  };
  const consumer = new ProblemLinksConsumer(
    inbox as unknown as InboxService,
    links as unknown as ProblemLinksService,
    problems as unknown as ProblemRefsRepository,
  );

  beforeEach(() => {
    jest.clearAllMocks();
    calls.length = 0;
  });

  const cases: Array<{ definition: EventDefinition<string, unknown>; detail: object; effects: string[] }> = [
    { definition: ProblemCreated, detail: { origin: 'manual', candidateId: null }, effects: [] },
    { definition: ProblemUpdated, detail: { fields: ['title'] }, effects: [] },
    { definition: ProblemIncidentLinked, detail: { incidentId }, effects: ['link'] },
    { definition: ProblemIncidentUnlinked, detail: { incidentId }, effects: ['unlink'] },
    { definition: ProblemKnownErrorPublished, detail: {}, effects: ['knownError'] },
    { definition: ProblemResolved, detail: { resolveLinkedIncidents: false, resolutionNotes: '' }, effects: ['problemResolved'] },
    { definition: ProblemClosed, detail: { notes: null }, effects: [] },
  ];

  it.each(cases)('$definition.type: copies the problem first, then its effects, in one inbox transaction', async (c) => {
    const event = envelope(c.definition, { problem, detail: c.detail }, 5);
    await consumer.onProblem(event);
    expect(inbox.handleOnce).toHaveBeenCalledTimes(1);
    expect(inbox.handleOnce).toHaveBeenCalledWith('incident-service', event, expect.any(Function));
    expect(problems.upsert).toHaveBeenCalledWith(manager, problem, {
      sequence: 5,
      occurredAt: new Date('2026-04-01T09:00:00.000Z'),
    });
    expect(calls).toEqual(['copy', ...c.effects]);
  });

  it('leaves problem.candidate-raised and unknown types alone', async () => {
    const candidate = {
      id: '0190a000-0000-7000-8000-0000000000cc',
      kind: 'ci',
      ciId: 'ci-1',
      category: null,
      incidentIds: [incidentId],
      incidentNumbers: ['INC0000001'],
      firstOpenedAt: '2026-04-01T08:00:00.000Z',
      lastOpenedAt: '2026-04-01T09:00:00.000Z',
      state: 'open',
    };
    await consumer.onProblem(envelope(ProblemCandidateRaised, { candidate }));
    await consumer.onProblem({ ...envelope(ProblemUpdated, { problem }), type: 'problem.reopened' });
    expect(inbox.handleOnce).not.toHaveBeenCalled();
  });

  it('refuses a problem event without a problem (dead letter), touching nothing', async () => {
    await expect(consumer.onProblem(envelope(ProblemClosed, { detail: { notes: null } }))).rejects.toBeInstanceOf(
      PayloadValidationError,
    );
    expect(inbox.handleOnce).not.toHaveBeenCalled();
  });
});
