import { BusinessCalendar, CALENDAR_24X7, CALENDAR_JP_BUSINESS } from '../clock';
import { DEFAULT_POLICY_RULES, SlaPolicyRule, SlaReferenceBook } from './sla-reference-book';
import { planTimerChanges, SlaIncidentFacts, SlaTimerPlan, SlaTimerRecord } from './sla-timer-plan';

const jst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+09:00`);
const MIN = 60_000;
const HOUR = 60 * MIN;

const calendars = new Map([
  ['24x7', new BusinessCalendar(CALENDAR_24X7)],
  ['jp-business', new BusinessCalendar(CALENDAR_JP_BUSINESS)],
]);
const reference = SlaReferenceBook.defaults();

// Monday 19 January 2026, 10:00 in Tokyo: an ordinary working day.
const OPENED = jst('2026-01-19 10:00');

function facts(over: Partial<SlaIncidentFacts> = {}): SlaIncidentFacts {
  return {
    priority: 3,
    state: 'new',
    holdReason: null,
    openedAt: OPENED,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
    ...over,
  };
}

/** Plays a lifecycle: each step is the incident after a change and its instant; returns every plan. */
function play(steps: Array<[SlaIncidentFacts, Date]>, book = reference): SlaTimerPlan[] {
  const plans: SlaTimerPlan[] = [];
  let before: SlaIncidentFacts | null = null;
  let timers: SlaTimerRecord[] = [];
  for (const [after, at] of steps) {
    const plan = planTimerChanges({ before, after, at, timers, reference: book });
    plans.push(plan);
    timers = plan.timers;
    before = after;
  }
  return plans;
}

const timer = (plan: SlaTimerPlan, kind: 'response' | 'resolution') => {
  const t = plan.timers.find((x) => x.kind === kind);
  if (!t) throw new Error(`no ${kind} timer`);
  return t;
};

describe('planTimerChanges', () => {
  it('starts both timers at opening with the policy of the priority, in one insert', () => {
    const [plan] = play([[facts(), OPENED]]);
    expect(plan.insert.map((t) => t.kind)).toEqual(['response', 'resolution']);
    expect(plan.update).toEqual([]);
    // P3: 2 h response, 24 h resolution on the business calendar (Mon–Fri 09:00–18:00).
    expect(timer(plan, 'response')).toMatchObject({
      policyPriority: 3,
      calendarId: 'jp-business',
      targetMs: 2 * HOUR,
      status: 'running',
    });
    expect(plan.incident.responseDueAt).toEqual(jst('2026-01-19 12:00'));
    // Mon 8 h + Tue 9 h + Wed 7 h = 24 h.
    expect(plan.incident.resolutionDueAt).toEqual(jst('2026-01-21 16:00'));
    expect(timer(plan, 'resolution').warningAt).toEqual(jst('2026-01-21 10:00'));
    expect(plan.incident).toMatchObject({ responseBreached: false, resolutionBreached: false });
  });

  it('counts P1 around the clock', () => {
    const [plan] = play([[facts({ priority: 1 }), OPENED]]);
    expect(plan.incident.responseDueAt).toEqual(new Date(OPENED.getTime() + 15 * MIN));
    expect(plan.incident.resolutionDueAt).toEqual(new Date(OPENED.getTime() + 4 * HOUR));
    expect(timer(plan, 'response').warningAt).toEqual(new Date(OPENED.getTime() + 11.25 * MIN));
  });

  it('skips Japanese public holidays and nights: opened the evening before Showa Day', () => {
    const opened = jst('2026-04-28 17:00');
    const [plan] = play([[facts({ openedAt: opened }), opened]]);
    // 1 h on Tuesday, Wednesday 29 April is 昭和の日, so the second hour is Thursday 09:00–10:00.
    expect(plan.incident.responseDueAt).toEqual(jst('2026-04-30 10:00'));
  });

  it('creates no timers for a priority whose policy is inactive', () => {
    const rules: SlaPolicyRule[] = DEFAULT_POLICY_RULES.map((r) => (r.priority === 5 ? { ...r, active: false } : r));
    const book = new SlaReferenceBook(rules, calendars);
    const [plan] = play([[facts({ priority: 5 }), OPENED]], book);
    expect(plan.timers).toEqual([]);
    expect(plan.incident).toEqual({
      responseDueAt: null,
      resolutionDueAt: null,
      responseBreached: false,
      resolutionBreached: false,
    });
  });

  it('stops the response timer at the first response: met in time, breached at the true instant when late', () => {
    const onTime = jst('2026-01-19 11:00');
    const [, met] = play([
      [facts(), OPENED],
      [facts({ state: 'assigned', firstResponseAt: onTime }), onTime],
    ]);
    expect(met.update.map((t) => t.kind)).toEqual(['response']);
    expect(timer(met, 'response')).toMatchObject({ status: 'met', stoppedAt: onTime, elapsedMs: HOUR, dueAt: null });
    expect(met.incident.responseDueAt).toBeNull();
    expect(timer(met, 'resolution').status).toBe('running');

    const late = jst('2026-01-20 10:00');
    const [, breached] = play([
      [facts(), OPENED],
      [facts({ state: 'assigned', firstResponseAt: late }), late],
    ]);
    expect(timer(breached, 'response')).toMatchObject({ status: 'breached', breachedAt: jst('2026-01-19 12:00') });
    expect(breached.incident).toMatchObject({ responseBreached: true, responseDueAt: jst('2026-01-19 12:00') });
  });

  it('pauses both timers on hold awaiting the user and resumes them, moving the due instants by the pause', () => {
    const p1 = facts({ priority: 1 });
    const hold = new Date(OPENED.getTime() + 5 * MIN);
    const resume = new Date(OPENED.getTime() + 65 * MIN);
    const [, held, resumed] = play([
      [p1, OPENED],
      [{ ...p1, state: 'on_hold', holdReason: 'awaiting_user' }, hold],
      [{ ...p1, state: 'in_progress' }, resume],
    ]);
    expect(timer(held, 'response')).toMatchObject({ status: 'paused', dueAt: null, pauses: [{ from: hold, to: null }] });
    expect(held.incident.responseDueAt).toBeNull();
    expect(timer(resumed, 'response').pauses).toEqual([{ from: hold, to: resume }]);
    expect(resumed.incident.responseDueAt).toEqual(new Date(OPENED.getTime() + 75 * MIN));
    expect(resumed.incident.resolutionDueAt).toEqual(new Date(OPENED.getTime() + 5 * HOUR));
  });

  it('does not pause for holds awaiting a problem or a change', () => {
    const [, held] = play([
      [facts(), OPENED],
      [facts({ state: 'on_hold', holdReason: 'awaiting_problem' }), jst('2026-01-19 10:30')],
    ]);
    expect(held.update).toEqual([]);
    expect(timer(held, 'response').pauses).toEqual([]);
  });

  it('stops resolution on resolve, and a reopen resumes it with the elapsed time kept and the resolved time not counted', () => {
    const p2 = facts({ priority: 2, firstResponseAt: OPENED, state: 'in_progress' });
    const resolvedAt = new Date(OPENED.getTime() + 2 * HOUR);
    const reopenedAt = new Date(OPENED.getTime() + 30 * HOUR);
    const [, resolved, reopened] = play([
      [p2, OPENED],
      [{ ...p2, state: 'resolved', resolvedAt }, resolvedAt],
      [{ ...p2, state: 'in_progress' }, reopenedAt],
    ]);
    expect(timer(resolved, 'resolution')).toMatchObject({ status: 'met', stoppedAt: resolvedAt, elapsedMs: 2 * HOUR });
    expect(resolved.incident.resolutionDueAt).toBeNull();
    const r = timer(reopened, 'resolution');
    expect(r).toMatchObject({ status: 'running', stoppedAt: null, pauses: [{ from: resolvedAt, to: reopenedAt }] });
    // 2 h used of 8 h: due 6 h after the reopen.
    expect(reopened.incident.resolutionDueAt).toEqual(new Date(reopenedAt.getTime() + 6 * HOUR));
    expect(timer(reopened, 'response').status).toBe('met');
  });

  it('keeps the resolution stop at the resolution when the incident is closed later', () => {
    const resolvedAt = jst('2026-01-19 15:00');
    const base = facts({ firstResponseAt: OPENED, state: 'in_progress' });
    const [, resolved, closed] = play([
      [base, OPENED],
      [{ ...base, state: 'resolved', resolvedAt }, resolvedAt],
      [{ ...base, state: 'closed', resolvedAt, closedAt: jst('2026-01-22 15:00') }, jst('2026-01-22 15:00')],
    ]);
    expect(closed.update).toEqual([]);
    expect(timer(closed, 'resolution')).toEqual(timer(resolved, 'resolution'));
    expect(timer(closed, 'resolution').elapsedMs).toBe(5 * HOUR);
  });

  it('stops everything on cancel, closing an open pause at the cancel', () => {
    const p1 = facts({ priority: 1 });
    const hold = new Date(OPENED.getTime() + 5 * MIN);
    const cancelledAt = new Date(OPENED.getTime() + 3 * HOUR);
    const [, , cancelled] = play([
      [p1, OPENED],
      [{ ...p1, state: 'on_hold', holdReason: 'awaiting_vendor' }, hold],
      [{ ...p1, state: 'cancelled', cancelledAt }, cancelledAt],
    ]);
    for (const kind of ['response', 'resolution'] as const) {
      expect(timer(cancelled, kind)).toMatchObject({
        status: 'met',
        stoppedAt: cancelledAt,
        elapsedMs: 5 * MIN,
        pauses: [{ from: hold, to: cancelledAt }],
      });
    }
  });

  it('re-targets running timers on a priority change, retroactively: an upgrade may be breached at once', () => {
    // P3 opened Friday 17:00; on Monday 09:30 it becomes P1: 24×7 counts the weekend, so both P1 targets passed.
    const opened = jst('2026-01-23 17:00');
    const at = jst('2026-01-26 09:30');
    const [, upgraded] = play([
      [facts({ openedAt: opened }), opened],
      [facts({ openedAt: opened, priority: 1 }), at],
    ]);
    expect(timer(upgraded, 'response')).toMatchObject({
      policyPriority: 1,
      calendarId: '24x7',
      targetMs: 15 * MIN,
      status: 'breached',
      breachedAt: new Date(opened.getTime() + 15 * MIN),
    });
    expect(timer(upgraded, 'resolution').breachedAt).toEqual(new Date(opened.getTime() + 4 * HOUR));
    expect(upgraded.incident).toMatchObject({ responseBreached: true, resolutionBreached: true });
  });

  it('keeps a stopped timer and the raised marks through a re-target', () => {
    const raised = jst('2026-01-19 11:40');
    const responded = facts({ firstResponseAt: jst('2026-01-19 10:30'), state: 'in_progress' });
    const [, plan1] = play([
      [facts(), OPENED],
      [responded, jst('2026-01-19 10:30')],
    ]);
    const stored = plan1.timers.map((t) => (t.kind === 'resolution' ? { ...t, warningRaisedAt: raised } : t));
    const plan = planTimerChanges({
      before: responded,
      after: { ...responded, priority: 4 },
      at: jst('2026-01-19 12:00'),
      timers: stored,
      reference,
    });
    expect(plan.update.map((t) => t.kind)).toEqual(['resolution']);
    expect(timer(plan, 'response')).toEqual(timer(plan1, 'response'));
    expect(timer(plan, 'resolution')).toMatchObject({ policyPriority: 4, targetMs: 40 * HOUR, warningRaisedAt: raised });
  });

  it('drops the unstopped timers when the new priority has no active policy, and creates them when it gets one', () => {
    const rules = DEFAULT_POLICY_RULES.map((r) => (r.priority === 5 ? { ...r, active: false } : r));
    const book = new SlaReferenceBook(rules, calendars);
    const [, down, up] = play(
      [
        [facts({ priority: 4 }), OPENED],
        [facts({ priority: 5 }), jst('2026-01-19 11:00')],
        [facts({ priority: 4 }), jst('2026-01-19 12:00')],
      ],
      book,
    );
    expect(down.remove).toEqual(['response', 'resolution']);
    expect(down.timers).toEqual([]);
    expect(up.insert.map((t) => t.startedAt)).toEqual([OPENED, OPENED]);
  });

  it('changes nothing when nothing that matters to the SLA changed (idempotent)', () => {
    const [first] = play([[facts(), OPENED]]);
    const again = planTimerChanges({
      before: facts(),
      after: facts(),
      at: jst('2026-01-19 10:45'),
      timers: first.timers,
      reference,
    });
    expect(again.insert).toEqual([]);
    expect(again.update).toEqual([]);
    expect(again.incident).toEqual(first.incident);
  });

  it('turns the breached flag on when written at or after the breach instant (the scanner’s write)', () => {
    const [first] = play([[facts(), OPENED]]);
    const scan = planTimerChanges({
      before: facts(),
      after: facts(),
      at: jst('2026-01-19 12:00'),
      timers: first.timers,
      reference,
    });
    expect(scan.incident.responseBreached).toBe(true);
    expect(scan.update.map((t) => t.kind)).toEqual(['response']);
    expect(timer(scan, 'response')).toMatchObject({ status: 'breached', breachedAt: jst('2026-01-19 12:00') });
  });

  it('replays history with past instants: breaches recorded at their true instants', () => {
    const opened = jst('2019-04-26 17:00'); // the Friday before the ten-day Golden Week of 2019
    const steps: Array<[SlaIncidentFacts, Date]> = [
      [facts({ openedAt: opened }), opened],
      [facts({ openedAt: opened, state: 'assigned', firstResponseAt: jst('2019-05-07 09:30') }), jst('2019-05-07 09:30')],
      [
        facts({
          openedAt: opened,
          state: 'resolved',
          firstResponseAt: jst('2019-05-07 09:30'),
          resolvedAt: jst('2019-05-10 12:00'),
        }),
        jst('2019-05-10 12:00'),
      ],
    ];
    const plans = play(steps);
    // 1 h on Friday, then nothing until Tuesday 7 May (4/27–5/6 closed): 1 h more at 10:00.
    expect(plans[0].incident.responseDueAt).toEqual(jst('2019-05-07 10:00'));
    expect(timer(plans[1], 'response')).toMatchObject({ status: 'met', elapsedMs: 1.5 * HOUR });
    // 24 h: Fri 1 h + Tue 9 + Wed 9 + Thu 5 → Thursday 9 May 14:00; resolved Friday noon.
    expect(timer(plans[2], 'resolution')).toMatchObject({ status: 'breached', breachedAt: jst('2019-05-09 14:00') });
    expect(plans[2].incident.resolutionBreached).toBe(true);
  });

  it('stops the response timer without a response when the incident is resolved or cancelled', () => {
    const cancelledAt = jst('2026-01-19 10:20');
    const [, plan] = play([
      [facts(), OPENED],
      [facts({ state: 'cancelled', cancelledAt }), cancelledAt],
    ]);
    expect(timer(plan, 'response')).toMatchObject({ status: 'met', stoppedAt: cancelledAt });
  });

  it('never stops before the start nor after the instant of the change, and never overlaps pauses with clock skew', () => {
    const p1 = facts({ priority: 1 });
    const hold = new Date(OPENED.getTime() + 30 * MIN);
    const skewed = new Date(OPENED.getTime() + 20 * MIN); // a replica whose clock is 10 minutes behind
    const [, held, resumed, heldAgain] = play([
      [p1, OPENED],
      [{ ...p1, state: 'on_hold', holdReason: 'awaiting_user' }, hold],
      [{ ...p1, state: 'in_progress' }, skewed],
      [{ ...p1, state: 'on_hold', holdReason: 'awaiting_user' }, skewed],
    ]);
    expect(timer(held, 'response').pauses).toHaveLength(1);
    // The pause closed at its own start counts for nothing and is dropped.
    expect(timer(resumed, 'response').pauses).toEqual([]);
    expect(timer(heldAgain, 'response').pauses).toEqual([{ from: skewed, to: null }]);
    const early = planTimerChanges({
      before: null,
      after: { ...p1, firstResponseAt: new Date(OPENED.getTime() - HOUR) },
      at: OPENED,
      timers: [],
      reference,
    });
    expect(timer(early, 'response')).toMatchObject({ stoppedAt: OPENED, elapsedMs: 0, status: 'met' });
  });
});
