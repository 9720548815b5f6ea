import { AGENT, CALLER, event, OTHER_AGENT, project, resolvedAt, snapshot } from './incident-fact.fixture';

const MIN = 60_000;
const created = event('created', 0, {});

describe('per-incident verdicts of the itil.md metrics (hand-made cases)', () => {
  it('a phone call resolved by the agent who logged it, within 30 min: FCR, FLR, MTTR of 10 min', () => {
    const fact = project([created, resolvedAt(10, 2)]);
    expect(fact).toMatchObject({
      firstContactResolved: true,
      firstLevelResolved: true,
      reopened: false,
      resolutionCalendarMs: 10 * MIN,
    });
  });

  it('the same resolution of an e-mail is not first-contact (not a live channel), but still first-level', () => {
    const fact = project([event('created', 0, { channel: 'email' }), resolvedAt(10, 2, AGENT, { channel: 'email' })]);
    expect(fact.firstContactResolved).toBe(false);
    expect(fact.firstLevelResolved).toBe(true);
  });

  it('"resolved at first contact" ticked on an e-mail is not honoured', () => {
    const fact = project([resolvedAt(10, 2, AGENT, { channel: 'email', firstContactClaimed: true })]);
    expect(fact.firstContactClaimed).toBe(true);
    expect(fact.firstContactResolved).toBe(false);
  });

  it('outside the contact window, or resolved by another agent, is not first-contact', () => {
    expect(project([created, resolvedAt(31, 2)]).firstContactResolved).toBe(false);
    expect(project([created, resolvedAt(30, 2)]).firstContactResolved).toBe(true);
    expect(project([created, resolvedAt(10, 2, OTHER_AGENT)]).firstContactResolved).toBe(false);
  });

  it('an employee live chat resolved by the agent who took it is first-contact; a portal form is not', () => {
    const chat = { channel: 'chat', openedById: CALLER };
    expect(project([event('created', 0, chat), resolvedAt(5, 2, AGENT, chat)]).firstContactResolved).toBe(true);
    const portal = { channel: 'portal', openedById: CALLER };
    expect(project([event('created', 0, portal), resolvedAt(5, 2, AGENT, portal)]).firstContactResolved).toBe(false);
  });

  it('reopened twice: counted once, at its last resolution, as reopened and not first-level', () => {
    const fact = project([
      created,
      resolvedAt(60, 2),
      event('reopened', 120, { version: 3, state: 'in_progress', reopenCount: 1, resolvedAt: null, resolvedById: null }),
      resolvedAt(200, 4, AGENT, { reopenCount: 1 }),
      event('reopened', 300, { version: 5, state: 'in_progress', reopenCount: 2, resolvedAt: null, resolvedById: null }),
      resolvedAt(400, 6, AGENT, { reopenCount: 2 }),
      event('closed', 500, {
        version: 7,
        state: 'closed',
        reopenCount: 2,
        resolvedById: AGENT,
        resolvedAt: snapshotAt(400),
        closedAt: snapshotAt(500),
      }),
    ]);
    expect(fact).toMatchObject({
      state: 'closed',
      reopenCount: 2,
      reopened: true,
      firstLevelResolved: false,
      firstContactResolved: false,
    });
    expect(fact.resolutionCalendarMs).toBe(400 * MIN);
  });

  it('while reopened it is not resolved: no MTTR, no reopen verdict yet', () => {
    const fact = project([
      created,
      resolvedAt(60, 2),
      event('reopened', 120, { version: 3, state: 'in_progress', reopenCount: 1, resolvedAt: null, resolvedById: null }),
    ]);
    expect(fact).toMatchObject({
      resolutionCalendarMs: null,
      reopened: false,
      firstLevelResolved: false,
      resolutionSlaMet: null,
    });
  });

  it('cancelled: left out of MTTR and every resolution figure', () => {
    const fact = project([
      created,
      event('cancelled', 20, { version: 2, state: 'cancelled', cancelledAt: snapshotAt(20), cancelReason: 'duplicate' }),
    ]);
    expect(fact).toMatchObject({
      resolutionCalendarMs: null,
      resolutionBusinessMs: null,
      firstContactResolved: false,
      firstLevelResolved: false,
      reopened: false,
      resolutionSlaMet: null,
    });
  });

  it('on hold awaiting the user across a weekend: calendar time counts it all, business time is the SLA clock’s', () => {
    // Friday 09:00 → held Friday 10:00 → resumed Monday 10:00 → resolved Monday 11:00 (Tokyo).
    const sla = {
      policyPriority: 4,
      calendarId: 'business',
      responseDueAt: null,
      resolutionDueAt: null,
      responseMetAt: snapshotAt(5),
      responseBreached: false,
      resolutionBreached: false,
      resolutionElapsedBusinessMs: 2 * 60 * MIN,
    };
    const weekend = 72 * 60;
    const fact = project([
      created,
      event('state-changed', 60, { version: 2, state: 'on_hold', holdReason: 'awaiting_user' }),
      event('state-changed', 60 + weekend, { version: 3, state: 'in_progress' }),
      resolvedAt(120 + weekend, 4, AGENT, { sla }),
    ]);
    expect(fact.everHeld).toBe(true);
    expect(fact.resolutionCalendarMs).toBe((120 + weekend) * MIN);
    expect(fact.resolutionBusinessMs).toBe(2 * 60 * MIN);
    expect(fact).toMatchObject({ responseSlaMet: true, resolutionSlaMet: true, firstContactResolved: false });
  });

  it('a hold is remembered even when the newer snapshots arrive first (FCR needs "without hold")', () => {
    const held = event('state-changed', 3, { version: 2, state: 'on_hold', holdReason: 'awaiting_user' });
    const fact = project([resolvedAt(10, 4), created, held]);
    expect(fact).toMatchObject({ incidentVersion: 4, state: 'resolved', everHeld: true, firstContactResolved: false });
  });

  it('reassigned to tier 2 then resolved: neither first-level nor first-contact', () => {
    const tier2 = { assignmentGroupId: 'net', assignmentGroupName: 'Network', assignmentGroupTier: 2, assigneeId: OTHER_AGENT };
    const fact = project([
      created,
      event('reassigned', 5, { version: 2, reassignmentCount: 1, ...tier2 }),
      resolvedAt(20, 3, OTHER_AGENT, { reassignmentCount: 1, ...tier2 }),
    ]);
    expect(fact).toMatchObject({ firstLevelResolved: false, firstContactResolved: false, groupTier: 2 });
  });

  it('resolved by a tier 2 group it was first assigned to is not first-level', () => {
    const fact = project([resolvedAt(20, 2, AGENT, { assignmentGroupTier: 2 })]);
    expect(fact.firstLevelResolved).toBe(false);
  });

  it('SLA verdicts: a breached resolution, an unanswered response that breached', () => {
    const sla = {
      policyPriority: 2,
      calendarId: '24x7',
      responseDueAt: snapshotAt(30),
      resolutionDueAt: snapshotAt(480),
      responseMetAt: null,
      responseBreached: true,
      resolutionBreached: true,
      resolutionElapsedBusinessMs: 600 * MIN,
    };
    const fact = project([resolvedAt(600, 2, AGENT, { sla })]);
    expect(fact).toMatchObject({ responseSlaMet: false, resolutionSlaMet: false, resolutionBusinessMs: 600 * MIN });
    const open = project([event('created', 0, { sla: { ...sla, responseBreached: false, resolutionBreached: false } })]);
    expect(open).toMatchObject({ responseSlaMet: null, resolutionSlaMet: null });
  });

  it('imported history: the source record decides counters, resolution time and SLA where the replay differs', () => {
    const sourceRecord = {
      system: 'servicenow',
      externalKey: 'servicenow:INC0000173',
      reassignmentCount: 1,
      reopenCount: 0,
      resolutionSlaMet: false,
      resolvedAt: snapshotAt(90),
    };
    const imported = project([resolvedAt(95, 2, AGENT, { source: 'servicenow', sourceRecord, channel: 'phone' })]);
    expect(imported).toMatchObject({ reassignmentCount: 0, firstLevelResolved: false, resolutionSlaMet: false });
    expect(imported.resolutionCalendarMs).toBe(90 * MIN);
    const unknownTime = project([
      resolvedAt(95, 2, AGENT, { source: 'servicenow', sourceRecord: { ...sourceRecord, resolvedAt: null } }),
    ]);
    expect(unknownTime.resolutionCalendarMs).toBeNull();
    expect(unknownTime.resolutionBusinessMs).toBeNull();
  });

  it('CSAT: the latest answer counts, whatever the order', () => {
    const first = event('satisfaction-recorded', 100, { version: 3, state: 'resolved' }, { rating: 2, comment: null });
    const second = event('satisfaction-recorded', 300, { version: 6, state: 'resolved' }, { rating: 5, comment: '👍' });
    expect(project([created, second, first]).csatRating).toBe(5);
    expect(project([created, first, second]).csatRating).toBe(5);
  });

  it('MTTA: open → first agent response', () => {
    expect(project([event('assigned', 7, { version: 2, firstResponseAt: snapshotAt(7) })]).responseMs).toBe(7 * MIN);
  });
});

function snapshotAt(minutes: number): string {
  return snapshot({ openedAt: new Date(Date.parse(snapshot().openedAt) + minutes * MIN).toISOString() }).openedAt;
}
