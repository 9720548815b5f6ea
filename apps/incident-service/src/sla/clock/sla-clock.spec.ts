import fc from 'fast-check';
import { BusinessCalendar, CALENDAR_24X7, CALENDAR_JP_BUSINESS } from './business-calendar';
import { evaluateSlaTimer, nextSlaMilestone, SlaPause, SlaTimerInput } from './sla-clock';
import { defaultSlaTarget } from './sla-targets';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const jst = (local: string) => new Date(`${local}+09:00`);
const business = new BusinessCalendar(CALENDAR_JP_BUSINESS);
const always = new BusinessCalendar(CALENDAR_24X7);

const timer = (overrides: Partial<SlaTimerInput> & Pick<SlaTimerInput, 'startedAt' | 'targetMs'>): SlaTimerInput => ({
  calendar: business,
  pauses: [],
  stoppedAt: null,
  ...overrides,
});
const p3Response = defaultSlaTarget(3).responseMinutes * MINUTE;

describe('evaluateSlaTimer', () => {
  it('P3 opened Friday 17:00 JST with a 2 h response target is due Monday 10:00', () => {
    const input = timer({ startedAt: jst('2026-01-16T17:00'), targetMs: p3Response });
    const status = evaluateSlaTimer(input, jst('2026-01-17T12:00'));
    expect(status).toEqual({
      elapsedMs: HOUR,
      remainingMs: HOUR,
      percent: 50,
      status: 'running',
      dueAt: jst('2026-01-19T10:00'),
      warningAt: jst('2026-01-19T09:30'),
      breachedAt: null,
    });
    expect(nextSlaMilestone(status)).toEqual({ kind: 'warning', at: jst('2026-01-19T09:30') });
  });

  it('is due on Tuesday when Monday is a holiday', () => {
    const input = timer({ startedAt: jst('2026-01-09T17:00'), targetMs: p3Response });
    expect(evaluateSlaTimer(input, jst('2026-01-09T17:30')).dueAt).toEqual(jst('2026-01-13T10:00'));
  });

  it('runs across Golden Week (P4, 40 h resolution)', () => {
    // Tue 4/28 10:00: 8 h Tue, 4/29 holiday, 9 h Thu, 9 h Fri, 5/2–5/6 closed, 9 h Thu 5/7, 5 h Fri 5/8.
    const input = timer({ startedAt: jst('2026-04-28T10:00'), targetMs: defaultSlaTarget(4).resolutionMinutes * MINUTE });
    const status = evaluateSlaTimer(input, jst('2026-05-04T12:00'));
    expect(status.elapsedMs).toBe(26 * HOUR);
    expect(status.dueAt).toEqual(jst('2026-05-08T14:00'));
    expect(status.warningAt).toEqual(jst('2026-05-07T13:00')); // 30 h
  });

  it('excludes time on hold, and has no due time while paused', () => {
    const pauses: SlaPause[] = [{ from: jst('2026-01-19T09:30'), to: null }];
    const input = timer({ startedAt: jst('2026-01-19T09:00'), targetMs: p3Response, pauses });
    const paused = evaluateSlaTimer(input, jst('2026-01-19T10:45'));
    expect(paused).toMatchObject({ elapsedMs: 30 * MINUTE, status: 'paused', dueAt: null, warningAt: null, breachedAt: null });
    expect(nextSlaMilestone(paused)).toBeNull();

    const resumed = { ...input, pauses: [{ from: jst('2026-01-19T09:30'), to: jst('2026-01-19T11:00') }] };
    expect(evaluateSlaTimer(resumed, jst('2026-01-19T12:00'))).toMatchObject({
      elapsedMs: 90 * MINUTE,
      status: 'running',
      dueAt: jst('2026-01-19T12:30'),
      warningAt: jst('2026-01-19T12:00'),
    });
  });

  it('is exact on the 24x7 calendar (P1, 4 h resolution, over a Sunday night)', () => {
    const input = timer({
      startedAt: jst('2026-01-17T23:00'),
      targetMs: defaultSlaTarget(1).resolutionMinutes * MINUTE,
      calendar: always,
    });
    expect(evaluateSlaTimer(input, jst('2026-01-18T00:00'))).toMatchObject({
      elapsedMs: HOUR,
      percent: 25,
      dueAt: jst('2026-01-18T03:00'),
    });
    const breached = evaluateSlaTimer(input, jst('2026-01-18T05:00'));
    expect(breached).toMatchObject({
      status: 'breached',
      remainingMs: -2 * HOUR,
      percent: 150,
      breachedAt: jst('2026-01-18T03:00'),
    });
    expect(breached.dueAt).toEqual(breached.breachedAt);
    expect(nextSlaMilestone(breached)).toBeNull();
  });

  it('is met when stopped in time, and stays breached when stopped late', () => {
    const startedAt = jst('2026-01-19T09:00');
    const met = evaluateSlaTimer(
      timer({ startedAt, targetMs: p3Response, stoppedAt: jst('2026-01-19T10:45') }),
      jst('2026-01-20T09:00'),
    );
    expect(met).toMatchObject({
      elapsedMs: 105 * MINUTE,
      status: 'met',
      dueAt: null,
      breachedAt: null,
      warningAt: jst('2026-01-19T10:30'),
    });
    expect(nextSlaMilestone(met)).toBeNull();

    const late = evaluateSlaTimer(
      timer({ startedAt, targetMs: p3Response, stoppedAt: jst('2026-01-19T13:00') }),
      jst('2026-01-20T09:00'),
    );
    expect(late).toMatchObject({ elapsedMs: 4 * HOUR, status: 'breached', breachedAt: jst('2026-01-19T11:00') });
  });

  it('measures only up to now when evaluated before the stop', () => {
    const input = timer({ startedAt: jst('2026-01-19T09:00'), targetMs: p3Response, stoppedAt: jst('2026-01-19T10:45') });
    expect(evaluateSlaTimer(input, jst('2026-01-19T10:00'))).toMatchObject({ elapsedMs: HOUR, status: 'running' });
  });

  it('re-targets by re-measuring from startedAt on the new calendar', () => {
    // P3 opened Friday 17:00; raised to P2 (24x7, 8 h) on Saturday 12:00: the 19 h since opening all count.
    const startedAt = jst('2026-01-16T17:00');
    const now = jst('2026-01-17T12:00');
    const asP3 = evaluateSlaTimer(timer({ startedAt, targetMs: defaultSlaTarget(3).resolutionMinutes * MINUTE }), now);
    expect(asP3).toMatchObject({ elapsedMs: HOUR, status: 'running' });
    const asP2 = evaluateSlaTimer(
      timer({ startedAt, targetMs: defaultSlaTarget(2).resolutionMinutes * MINUTE, calendar: always }),
      now,
    );
    expect(asP2).toMatchObject({ elapsedMs: 19 * HOUR, status: 'breached', breachedAt: jst('2026-01-17T01:00') });
    // A new target on the same calendar keeps the elapsed time and moves only the due time.
    const asP4 = evaluateSlaTimer(timer({ startedAt, targetMs: defaultSlaTarget(4).resolutionMinutes * MINUTE }), now);
    expect(asP4).toMatchObject({ elapsedMs: HOUR, remainingMs: 39 * HOUR });
  });

  it('names the next milestone for the scheduler: warning, then breach, then none', () => {
    const input = timer({ startedAt: jst('2026-01-19T09:00'), targetMs: p3Response });
    expect(nextSlaMilestone(evaluateSlaTimer(input, jst('2026-01-19T09:10')))).toEqual({
      kind: 'warning',
      at: jst('2026-01-19T10:30'),
    });
    expect(nextSlaMilestone(evaluateSlaTimer(input, jst('2026-01-19T10:30')))).toEqual({
      kind: 'breach',
      at: jst('2026-01-19T11:00'),
    });
    expect(nextSlaMilestone(evaluateSlaTimer(input, jst('2026-01-19T11:00')))).toBeNull();
  });

  it('has not started before startedAt', () => {
    const input = timer({ startedAt: jst('2026-01-19T09:00'), targetMs: p3Response });
    expect(evaluateSlaTimer(input, jst('2026-01-19T08:00'))).toMatchObject({
      elapsedMs: 0,
      status: 'running',
      dueAt: jst('2026-01-19T11:00'),
    });
  });

  it('merges overlapping and unordered pauses', () => {
    const pauses: SlaPause[] = [
      { from: jst('2026-01-19T10:00'), to: jst('2026-01-19T10:30') },
      { from: jst('2026-01-19T08:00'), to: jst('2026-01-19T09:15') },
      { from: jst('2026-01-19T10:15'), to: jst('2026-01-19T11:00') },
    ];
    const status = evaluateSlaTimer(
      timer({ startedAt: jst('2026-01-19T09:00'), targetMs: p3Response, pauses }),
      jst('2026-01-19T12:00'),
    );
    expect(status.elapsedMs).toBe(105 * MINUTE); // 09:15–10:00 and 11:00–12:00
  });

  it('refuses impossible input', () => {
    const startedAt = jst('2026-01-19T09:00');
    const now = jst('2026-01-19T12:00');
    expect(() => evaluateSlaTimer(timer({ startedAt, targetMs: 0 }), now)).toThrow(RangeError);
    expect(() => evaluateSlaTimer(timer({ startedAt, targetMs: 1.5 }), now)).toThrow(RangeError);
    expect(() => evaluateSlaTimer(timer({ startedAt, targetMs: HOUR, stoppedAt: jst('2026-01-19T08:00') }), now)).toThrow(
      RangeError,
    );
    expect(() => evaluateSlaTimer(timer({ startedAt, targetMs: HOUR, pauses: [{ from: now, to: startedAt }] }), now)).toThrow(
      RangeError,
    );
    expect(() => evaluateSlaTimer(timer({ startedAt, targetMs: HOUR }), new Date(NaN))).toThrow(RangeError);
  });
});

// ---- properties -------------------------------------------------------------------------------------------

const MIN = Date.UTC(2019, 0, 1);
const MAX = Date.UTC(2030, 0, 1);
const lunch = new BusinessCalendar({
  ...CALENDAR_JP_BUSINESS,
  id: 'ny-lunch',
  timeZone: 'America/New_York',
  japaneseHolidaysOff: false,
  workingHours: {
    0: [],
    1: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    2: [{ start: '08:00', end: '20:00' }],
    3: [{ start: '08:00', end: '20:00' }],
    4: [{ start: '08:00', end: '20:00' }],
    5: [{ start: '08:00', end: '20:00' }],
    6: [{ start: '10:00', end: '14:00' }],
  },
});
const CALENDARS = [business, always, lunch];

/** Offsets (ms after startedAt) of a timer's history, turned into Dates by {@link build}. */
interface Scenario {
  start: number;
  target: number;
  calendar: number;
  /** Disjoint, ordered pauses as [gap before, length]; the last may be open. */
  pauses: Array<[number, number]>;
  lastOpen: boolean;
  stopAfter: number | null;
}
const aScenario: fc.Arbitrary<Scenario> = fc.record({
  start: fc.integer({ min: MIN, max: MAX }),
  target: fc.oneof(
    fc.integer({ min: 1, max: 100 * HOUR }),
    fc.constantFrom(15, 30, 120, 240, 480, 1440, 2400, 4800).map((m) => m * MINUTE),
  ),
  calendar: fc.integer({ min: 0, max: CALENDARS.length - 1 }),
  pauses: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 * HOUR }), fc.integer({ min: 0, max: 60 * HOUR })), { maxLength: 4 }),
  lastOpen: fc.boolean(),
  stopAfter: fc.option(fc.integer({ min: 0, max: 400 * HOUR }), { nil: null }),
});
const anOffset = fc.integer({ min: -HOUR, max: 500 * HOUR });

function build(s: Scenario): SlaTimerInput {
  let cursor = s.start;
  const pauses = s.pauses.map(([gap, length], i) => {
    const from = cursor + gap;
    cursor = from + length;
    return { from: new Date(from), to: s.lastOpen && i === s.pauses.length - 1 ? null : new Date(cursor) };
  });
  return {
    startedAt: new Date(s.start),
    targetMs: s.target,
    calendar: CALENDARS[s.calendar],
    pauses,
    stoppedAt: s.stopAfter === null ? null : new Date(s.start + s.stopAfter),
  };
}

/** Wall-clock ms in [start, end) outside the (disjoint) pauses. */
function wallTimeRunning(input: SlaTimerInput, now: number): number {
  const start = input.startedAt.getTime();
  const end = Math.max(start, Math.min(now, input.stoppedAt?.getTime() ?? Infinity));
  let paused = 0;
  for (const p of input.pauses)
    paused += Math.max(0, Math.min(end, p.to?.getTime() ?? Infinity) - Math.max(start, p.from.getTime()));
  return end - start - paused;
}

const RUNS = { numRuns: 300 };

describe('evaluateSlaTimer properties', () => {
  it('never counts more than wall time minus pauses, and exactly that on 24x7', () => {
    fc.assert(
      fc.property(aScenario, anOffset, (s, offset) => {
        const input = build(s);
        const now = s.start + offset;
        const elapsed = evaluateSlaTimer(input, new Date(now)).elapsedMs;
        expect(elapsed).toBeGreaterThanOrEqual(0);
        expect(elapsed).toBeLessThanOrEqual(wallTimeRunning(input, now));
        expect(evaluateSlaTimer({ ...input, calendar: always }, new Date(now)).elapsedMs).toBe(wallTimeRunning(input, now));
      }),
      RUNS,
    );
  });

  it('has a percent that never decreases as now advances', () => {
    fc.assert(
      fc.property(aScenario, anOffset, anOffset, (s, x, y) => {
        const input = build(s);
        const [early, late] = x <= y ? [x, y] : [y, x];
        const before = evaluateSlaTimer(input, new Date(s.start + early));
        const after = evaluateSlaTimer(input, new Date(s.start + late));
        expect(before.percent).toBeLessThanOrEqual(after.percent);
      }),
      RUNS,
    );
  });

  it('does not move while paused', () => {
    fc.assert(
      fc.property(aScenario, anOffset, anOffset, (s, x, y) => {
        const input = build({ ...s, lastOpen: true, pauses: s.pauses.length > 0 ? s.pauses : [[HOUR, 0]] });
        const pausedFrom = input.pauses[input.pauses.length - 1].from.getTime();
        const first = evaluateSlaTimer(input, new Date(pausedFrom + Math.abs(x)));
        const second = evaluateSlaTimer(input, new Date(pausedFrom + Math.abs(y)));
        expect(second.elapsedMs).toBe(first.elapsedMs);
        if (input.stoppedAt === null || input.stoppedAt.getTime() > pausedFrom + Math.max(Math.abs(x), Math.abs(y))) {
          expect(first.status).toBe(first.elapsedMs >= input.targetMs ? 'breached' : 'paused');
        }
      }),
      RUNS,
    );
  });

  it('is breached exactly when elapsed ≥ target, and met only once stopped', () => {
    fc.assert(
      fc.property(aScenario, anOffset, (s, offset) => {
        const input = build(s);
        const now = s.start + offset;
        const status = evaluateSlaTimer(input, new Date(now));
        expect(status.status === 'breached').toBe(status.elapsedMs >= input.targetMs);
        expect(status.remainingMs).toBe(input.targetMs - status.elapsedMs);
        if (status.status === 'met') expect(input.stoppedAt!.getTime()).toBeLessThanOrEqual(now);
        expect(status.breachedAt !== null).toBe(status.status === 'breached');
      }),
      RUNS,
    );
  });

  it('reaches its target exactly at dueAt and its warning exactly at warningAt', () => {
    fc.assert(
      fc.property(aScenario, anOffset, (s, offset) => {
        // Pauses all behind now: "if nothing pauses from now on" then holds.
        const input = build({ ...s, lastOpen: false, stopAfter: null });
        const lastResume = input.pauses.reduce((t, p) => Math.max(t, p.to!.getTime()), s.start);
        const now = new Date(lastResume + Math.abs(offset));
        const status = evaluateSlaTimer(input, now);
        const due = status.dueAt!;
        const atDue = evaluateSlaTimer(input, due);
        expect(atDue.percent).toBe(100);
        expect(atDue.status).toBe('breached');
        expect(evaluateSlaTimer(input, new Date(due.getTime() - 1)).percent).toBeLessThan(100);
        expect(evaluateSlaTimer(input, status.warningAt!).elapsedMs).toBe(Math.ceil(input.targetMs * 0.75));
        if (status.status === 'running') expect(due.getTime()).toBeGreaterThan(now.getTime());
        else expect(due).toEqual(status.breachedAt);
      }),
      RUNS,
    );
  });

  it('keeps breachedAt once crossed, whenever it is evaluated later', () => {
    fc.assert(
      fc.property(aScenario, anOffset, anOffset, (s, x, y) => {
        const input = build(s);
        const [early, late] = x <= y ? [x, y] : [y, x];
        const first = evaluateSlaTimer(input, new Date(s.start + early));
        fc.pre(first.breachedAt !== null);
        expect(evaluateSlaTimer(input, new Date(s.start + late)).breachedAt).toEqual(first.breachedAt);
        expect(evaluateSlaTimer(input, first.breachedAt!).elapsedMs).toBe(input.targetMs);
      }),
      RUNS,
    );
  });

  it('schedules a milestone in the future whose threshold is then reached', () => {
    fc.assert(
      fc.property(aScenario, anOffset, (s, offset) => {
        const input = build({ ...s, lastOpen: false, stopAfter: null });
        const lastResume = input.pauses.reduce((t, p) => Math.max(t, p.to!.getTime()), s.start);
        const now = new Date(lastResume + Math.abs(offset));
        const status = evaluateSlaTimer(input, now);
        const next = nextSlaMilestone(status);
        if (status.status !== 'running') return expect(next).toBeNull();
        expect(next!.at.getTime()).toBeGreaterThan(now.getTime());
        const percent = evaluateSlaTimer(input, next!.at).percent;
        expect(percent).toBeGreaterThanOrEqual(next!.kind === 'warning' ? 75 : 100);
        expect(status.percent).toBeLessThan(next!.kind === 'warning' ? 75 : 100);
      }),
      RUNS,
    );
  });
});
