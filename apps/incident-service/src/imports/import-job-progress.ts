import { ImportJobEntity, ImportJobProblem } from './entities/import-job.entity';
import { ImportedIncidentPlan } from './servicenow/servicenow-incident-plan';
import { importedProblemKey } from './servicenow/servicenow-problem-reference';

/**
 * The bookkeeping of an import job, as plain functions: what one incident's outcome adds to the job's
 * counts, how problems are capped, progress and percent, and the order plans are imported in.
 */

/** Problems kept on a job (a garbage file must not grow a row without bound); problemCount counts them all. */
export const MAX_STORED_PROBLEMS = 1000;

/** What importing one plan came to. */
export type IncidentImportOutcome =
  | { kind: 'created'; incidentId: string; events: number; steps: number }
  | { kind: 'unchanged'; incidentId: string }
  | { kind: 'skipped'; problem: ImportJobProblem };

/** What one plan adds to the job's counters (applied in the transaction that imported it). */
export interface ImportProgressDelta {
  created: number;
  unchanged: number;
  skipped: number;
  events: number;
  steps: number;
  problems: ImportJobProblem[];
}

export function outcomeDelta(outcome: IncidentImportOutcome): ImportProgressDelta {
  const delta: ImportProgressDelta = { created: 0, unchanged: 0, skipped: 0, events: 0, steps: 0, problems: [] };
  switch (outcome.kind) {
    case 'created':
      return { ...delta, created: 1, events: outcome.events, steps: outcome.steps };
    case 'unchanged':
      return { ...delta, unchanged: 1 };
    case 'skipped':
      return { ...delta, skipped: 1, problems: [outcome.problem] };
  }
}

/** Appends problems up to the cap; the count always grows by all of them. */
export function appendProblems(
  stored: readonly ImportJobProblem[],
  storedCount: number,
  added: readonly ImportJobProblem[],
  cap = MAX_STORED_PROBLEMS,
): { problems: ImportJobProblem[]; problemCount: number } {
  const room = Math.max(0, cap - stored.length);
  return { problems: [...stored, ...added.slice(0, room)], problemCount: storedCount + added.length };
}

export interface ImportProgress {
  incidentsDone: number;
  incidentsTotal: number;
  /** Whole percent, 100 once the job succeeded (also for an empty file). */
  percent: number;
}

type ProgressFields = Pick<
  ImportJobEntity,
  'state' | 'incidentsTotal' | 'incidentsCreated' | 'incidentsUnchanged' | 'incidentsSkipped'
>;

export function progressOf(job: ProgressFields): ImportProgress {
  const done = job.incidentsCreated + job.incidentsUnchanged + job.incidentsSkipped;
  const total = job.incidentsTotal;
  let percent = total > 0 ? Math.floor((100 * Math.min(done, total)) / total) : 0;
  if (job.state === 'succeeded') percent = 100;
  else if (percent === 100) percent = 99; // not finished until the job says so
  return { incidentsDone: done, incidentsTotal: total, percent };
}

/**
 * Import order: by opened_at, then number. Live work happened in that order, so the outbox (and the topic)
 * gets the history roughly as it happened.
 */
export function importOrder(plans: readonly ImportedIncidentPlan[]): ImportedIncidentPlan[] {
  return [...plans].sort(
    (a, b) => a.opened.at.getTime() - b.opened.at.getTime() || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
  );
}

/** Deviations (where the replay could not follow the file) counted by kind. */
export function countDeviations(plans: readonly ImportedIncidentPlan[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const plan of plans) {
    for (const d of plan.deviations) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  }
  return counts;
}

/** The largest INC number of the plans (0 when none): the live sequence is raised above it. */
export function largestIncidentNumber(plans: readonly ImportedIncidentPlan[]): number {
  let max = 0;
  for (const plan of plans) {
    const n = Number(plan.number.replace(/^INC/, ''));
    if (Number.isSafeInteger(n) && n > max) max = n;
  }
  return max;
}

/**
 * Steps and events the plans write when created: IncidentCreated, one event per step (a reply has none), and
 * incident.problem-linked when the final record names a problem.
 */
export function plannedWrites(plans: readonly ImportedIncidentPlan[]): { steps: number; events: number } {
  let steps = 0;
  let events = 0;
  for (const plan of plans) {
    steps += plan.steps.length;
    events += 1 + plan.steps.filter((s) => s.command.type !== 'respond').length + (importedProblemKey(plan) ? 1 : 0);
  }
  return { steps, events };
}
