import { OPEN_STATES, IncidentState } from '../../incidents/domain/incident-state';
import { FieldChange } from '../../incidents/domain/incident-state-machine';

/** The incident fields a problem link touches. */
export interface ProblemLinkFields {
  problemId: string | null;
  workaround: string | null;
  problemResolutionProposedAt: Date | null;
}

export interface ProblemLinkChange extends ProblemLinkFields {
  /** The fields that differ, for the history (dates as ISO text). */
  changes: FieldChange[];
}

/** What the copy says of the problem an agent picks. */
export interface PickedProblem {
  id: string;
  state: string;
  workaround: string | null;
}

/**
 * An agent links the incident to a problem (or, with null, unlinks it). Null when nothing changes (already
 * linked to it, or nothing to unlink). The problem's workaround is shown when it has one; a workaround that came
 * with the previous problem goes with it. Linked to a problem that is already resolved, an open incident gets the
 * resolution proposal it would have got had it been linked before (itil.md: resolving a problem proposes
 * resolution of its open linked incidents).
 */
export function problemLinkChange(
  incident: ProblemLinkFields & { state: IncidentState },
  problem: PickedProblem | null,
  at: Date,
): ProblemLinkChange | null {
  let next: ProblemLinkFields;
  if (problem === null) {
    if (incident.problemId === null) return null;
    next = { problemId: null, workaround: null, problemResolutionProposedAt: null };
  } else {
    if (incident.problemId === problem.id) return null;
    next = {
      problemId: problem.id,
      workaround: problem.workaround ?? (incident.problemId ? null : incident.workaround),
      problemResolutionProposedAt: problem.state === 'resolved' && OPEN_STATES.includes(incident.state) ? at : null,
    };
  }
  const changes: FieldChange[] = [];
  for (const field of ['problemId', 'workaround', 'problemResolutionProposedAt'] as const) {
    const from = incident[field] instanceof Date ? (incident[field] as Date).toISOString() : incident[field];
    const to = next[field] instanceof Date ? (next[field] as Date).toISOString() : next[field];
    if (from !== to) changes.push({ field, from, to });
  }
  return { ...next, changes };
}
