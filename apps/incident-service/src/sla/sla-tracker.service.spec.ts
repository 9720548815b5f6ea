import { EntityManager } from 'typeorm';
import { IncidentEntity } from '../incidents/entities/incident.entity';
import { SlaReferenceBook } from './domain/sla-reference-book';
import { SlaTimerRecord } from './domain/sla-timer-plan';
import { SlaReferenceService } from './sla-reference.service';
import { ClaimedSlaTimer, SlaTimersRepository } from './sla-timers.repository';
import { SlaTrackerService } from './sla-tracker.service';

const jst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+09:00`);
const manager = {} as EntityManager;
const OPENED = jst('2026-01-19 10:00');

function incident(over: Partial<IncidentEntity> = {}): IncidentEntity {
  return Object.assign(new IncidentEntity(), {
    id: '0190a6c4-0000-7000-8000-000000000001',
    priority: 3,
    state: 'new',
    holdReason: null,
    openedAt: OPENED,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
    responseDueAt: null,
    resolutionDueAt: null,
    responseBreached: false,
    resolutionBreached: false,
    ...over,
  });
}

function setup(stored: SlaTimerRecord[] = [], claimed: ClaimedSlaTimer[] = []) {
  const repo = {
    insert: jest.fn().mockResolvedValue(undefined),
    update: jest.fn().mockResolvedValue(undefined),
    remove: jest.fn().mockResolvedValue(undefined),
    findForIncident: jest.fn().mockResolvedValue(stored),
    claimDue: jest.fn().mockResolvedValue(claimed),
  };
  const reference = { current: jest.fn().mockResolvedValue(SlaReferenceBook.defaults()) };
  const tracker = new SlaTrackerService(repo as unknown as SlaTimersRepository, reference as unknown as SlaReferenceService);
  return { tracker, repo };
}

describe('SlaTrackerService', () => {
  it('writes both timers of a new incident in one insert without reading, and sets the SLA columns', async () => {
    const { tracker, repo } = setup();
    const after = incident();
    const snapshot = await tracker.track(manager, null, after, OPENED);
    expect(repo.findForIncident).not.toHaveBeenCalled();
    expect(repo.insert).toHaveBeenCalledTimes(1);
    expect(repo.insert.mock.calls[0][2].map((t: SlaTimerRecord) => t.kind)).toEqual(['response', 'resolution']);
    expect(after.responseDueAt).toEqual(jst('2026-01-19 12:00'));
    expect(after.resolutionDueAt).toEqual(jst('2026-01-21 16:00'));
    expect(snapshot).toEqual({
      policyPriority: 3,
      calendarId: 'jp-business',
      responseDueAt: jst('2026-01-19 12:00').toISOString(),
      resolutionDueAt: jst('2026-01-21 16:00').toISOString(),
      responseMetAt: null,
      responseBreached: false,
      resolutionBreached: false,
      resolutionElapsedBusinessMs: null,
    });
  });

  it('reads the stored timers locked on a change and updates only the ones that changed', async () => {
    const created = setup();
    await created.tracker.track(manager, null, incident(), OPENED);
    const stored: SlaTimerRecord[] = created.repo.insert.mock.calls[0][2];
    const { tracker, repo } = setup(stored);
    const at = jst('2026-01-19 13:00');
    const after = incident({ state: 'assigned', firstResponseAt: at });
    const snapshot = await tracker.track(manager, incident(), after, at);
    expect(repo.findForIncident).toHaveBeenCalledWith(manager, after.id, true);
    expect(repo.insert).toHaveBeenCalledWith(manager, after.id, []);
    const updated = repo.update.mock.calls[0][1];
    expect(updated.map((u: { timer: SlaTimerRecord }) => [u.timer.kind, u.timer.status])).toEqual([['response', 'breached']]);
    expect(after.responseBreached).toBe(true);
    expect(snapshot?.responseMetAt).toBe(at.toISOString());
  });

  it('turns claimed rows into milestones: warning or breach, percent at least the threshold', async () => {
    const created = setup();
    await created.tracker.track(manager, null, incident({ priority: 1 }), OPENED);
    const [response, resolution]: SlaTimerRecord[] = created.repo.insert.mock.calls[0][2];
    const id = '0190a6c4-0000-7000-8000-000000000001';
    const { tracker, repo } = setup(
      [],
      [
        { incidentId: id, timer: { ...resolution, warningRaisedAt: OPENED }, warningClaimed: true, breachClaimed: false },
        {
          incidentId: id,
          timer: { ...response, status: 'breached', breachedAt: response.dueAt },
          warningClaimed: false,
          breachClaimed: true,
        },
      ],
    );
    const now = new Date(OPENED.getTime() + 3.5 * 3_600_000);
    const milestones = await tracker.claimDueMilestones(manager, now, 10);
    expect(repo.claimDue).toHaveBeenCalledWith(manager, now, 10);
    expect(milestones).toEqual([
      { incidentId: id, timer: 'resolution', kind: 'warning', dueAt: resolution.dueAt, percent: 87.5 },
      { incidentId: id, timer: 'response', kind: 'breach', dueAt: response.dueAt, percent: 1400 },
    ]);
  });
});
