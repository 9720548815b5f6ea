/**
 * SLA timer maths: a pure function of the timer's history and "now", so the service can re-evaluate a timer
 * on every incident update and the scheduler at any time, with no state to keep in step.
 *
 * Re-targeting rule (priority change → new target and/or calendar): the timer keeps its `startedAt` and pauses
 * and is simply evaluated with the new target and calendar, i.e. the elapsed time is re-measured from `startedAt`
 * on the NEW calendar, as if the new priority had applied from the start (ServiceNow's "retroactive start").
 * Consequences: an upgrade from P3 (business hours) to P1 (24×7) counts the nights and weekends already passed,
 * and may be breached at once, with a `breachedAt` in the past; a downgrade may turn a breached timer back into a
 * running one. The caller records the breach event once, the first time it sees `breached`, not from `breachedAt`.
 */
import { BusinessCalendar } from './business-calendar';

export const SLA_WARNING_PERCENT = 75;
export const SLA_BREACH_PERCENT = 100;

/** A span during which the clock does not run (on hold awaiting the user or a vendor); `to: null` = still paused. */
export interface SlaPause {
  readonly from: Date;
  readonly to: Date | null;
}

export interface SlaTimerInput {
  readonly startedAt: Date;
  /** Target in working milliseconds of `calendar` (whole, > 0). */
  readonly targetMs: number;
  readonly calendar: BusinessCalendar;
  readonly pauses: readonly SlaPause[];
  /** When the measured event happened (first response, resolution); null while it has not. */
  readonly stoppedAt: Date | null;
}

export type SlaTimerState = 'running' | 'paused' | 'met' | 'breached';

export interface SlaTimerStatus {
  /** Working time elapsed from `startedAt` to min(now, stoppedAt), pauses excluded. */
  readonly elapsedMs: number;
  /** `targetMs − elapsedMs`; negative once breached. */
  readonly remainingMs: number;
  /** elapsed / target × 100, unrounded. */
  readonly percent: number;
  /** `breached` whenever elapsed ≥ target; otherwise `met` once stopped, `paused` inside a pause, else `running`. */
  readonly status: SlaTimerState;
  /**
   * When the target is reached: the past instant it was reached if it was, else (only while running) when it
   * will be if nothing pauses the clock from now on; null while paused or stopped short of it.
   */
  readonly dueAt: Date | null;
  /** Same as `dueAt`, for the warning threshold ({@link SLA_WARNING_PERCENT} % of target). */
  readonly warningAt: Date | null;
  /** The instant the timer reached 100 %, if it did (kept after it is stopped). */
  readonly breachedAt: Date | null;
}

export interface SlaMilestone {
  readonly kind: 'warning' | 'breach';
  readonly at: Date;
}

/** Evaluates an SLA timer at `now` (which may be before or after `stoppedAt`). */
export function evaluateSlaTimer(input: SlaTimerInput, now: Date): SlaTimerStatus {
  const { calendar, targetMs } = input;
  if (!Number.isSafeInteger(targetMs) || targetMs <= 0) {
    throw new RangeError(`targetMs must be a whole number of ms > 0, not ${targetMs}`);
  }
  const start = instant(input.startedAt, 'startedAt');
  const nowMs = instant(now, 'now');
  const stop = input.stoppedAt === null ? null : instant(input.stoppedAt, 'stoppedAt');
  if (stop !== null && stop < start) throw new RangeError('stoppedAt is before startedAt');

  const stopped = stop !== null && stop <= nowMs;
  const end = Math.max(start, stopped ? stop : nowMs);
  const pauses = normalisePauses(input.pauses);
  const warningThreshold = thresholdMs(targetMs, SLA_WARNING_PERCENT);

  // Walk the running segments once, noting where each threshold was crossed on the way.
  let elapsed = 0;
  let warningAt: Date | null = null;
  let breachedAt: Date | null = null;
  for (const [from, to] of runningSegments(start, end, pauses)) {
    const segmentStart = new Date(from);
    const worked = calendar.workingMillisBetween(segmentStart, new Date(to));
    if (warningAt === null && elapsed + worked >= warningThreshold) {
      warningAt = calendar.addWorkingMillis(segmentStart, warningThreshold - elapsed);
    }
    if (breachedAt === null && elapsed + worked >= targetMs)
      breachedAt = calendar.addWorkingMillis(segmentStart, targetMs - elapsed);
    elapsed += worked;
  }

  const paused = !stopped && pauses.some(([from, to]) => from <= nowMs && nowMs < to);
  const status: SlaTimerState = elapsed >= targetMs ? 'breached' : stopped ? 'met' : paused ? 'paused' : 'running';
  let dueAt = breachedAt;
  if (status === 'running') {
    // Project from the end of the measured time (= now, or startedAt if now is before it).
    const cursor = new Date(end);
    if (warningAt === null) warningAt = calendar.addWorkingMillis(cursor, warningThreshold - elapsed);
    dueAt = calendar.addWorkingMillis(cursor, targetMs - elapsed);
  }
  return {
    elapsedMs: elapsed,
    remainingMs: targetMs - elapsed,
    percent: (elapsed * 100) / targetMs,
    status,
    dueAt,
    warningAt,
    breachedAt,
  };
}

/** The next threshold the scheduler should wake up for, or null if none is ahead (paused, stopped or breached). */
export function nextSlaMilestone(status: SlaTimerStatus): SlaMilestone | null {
  if (status.status !== 'running') return null;
  // Compare whole milliseconds rather than the float percent, so the boundary matches evaluateSlaTimer exactly.
  const targetMs = status.elapsedMs + status.remainingMs;
  if (status.warningAt && status.elapsedMs < thresholdMs(targetMs, SLA_WARNING_PERCENT))
    return { kind: 'warning', at: status.warningAt };
  if (status.dueAt && status.elapsedMs < targetMs) return { kind: 'breach', at: status.dueAt };
  return null;
}

/** Smallest whole elapsed ms at which `percent` % of the target is reached. */
function thresholdMs(targetMs: number, percent: number): number {
  return Math.ceil((targetMs * percent) / 100);
}

/** Pauses as sorted, merged [from, to) pairs; an open pause runs to +∞. */
function normalisePauses(pauses: readonly SlaPause[]): Array<[number, number]> {
  const spans = pauses.map((p, i): [number, number] => {
    const from = instant(p.from, `pauses[${i}].from`);
    const to = p.to === null ? Infinity : instant(p.to, `pauses[${i}].to`);
    if (to < from) throw new RangeError(`pauses[${i}] ends before it starts`);
    return [from, to];
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else if (span[1] > span[0]) merged.push([span[0], span[1]]);
  }
  return merged;
}

/** [start, end] minus the pauses, as [from, to) pairs. */
function runningSegments(start: number, end: number, pauses: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  let cursor = start;
  for (const [from, to] of pauses) {
    if (to <= cursor) continue;
    if (from >= end) break;
    if (from > cursor) segments.push([cursor, from]);
    cursor = Math.max(cursor, to);
    if (cursor >= end) break;
  }
  if (cursor < end) segments.push([cursor, end]);
  return segments;
}

function instant(date: Date, name: string): number {
  const t = date instanceof Date ? date.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError(`${name} must be a valid Date`);
  return t;
}
