import { defineEvent } from '../events/event-definition';
import { checkPayload, FieldCheck } from '../events/payload-checks';
import { Topics } from '../topics';

export const PROBLEM_STATES = ['new', 'investigating', 'known_error', 'resolved', 'closed'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];

/** What other services need to know of a problem (itil.md "Problems and known errors"). */
export interface ProblemRef {
  id: string;
  number: string;
  title: string;
  state: string;
  rootCause: string | null;
  workaround: string | null;
  /** Absent in events written before problem-service published them. */
  category?: string | null;
  priority?: number;
  /** `ja` or `en`: the language the problem is written in (a drafted article takes it). */
  language?: string;
  ciIds?: string[];
  linkedIncidentCount?: number;
  openIncidentCount?: number;
}

export interface ProblemEventPayload<TDetail = Record<string, unknown>> {
  problem: ProblemRef;
  detail: TDetail;
}

const problemChecks: FieldCheck[] = [
  (p) => (typeof p.id === 'string' && p.id ? null : 'problem.id must be a string'),
  (p) => (typeof p.number === 'string' && p.number ? null : 'problem.number must be a string'),
  (p) => (typeof p.state === 'string' ? null : 'problem.state must be a string'),
];

function describeProblemPayload(payload: unknown): string[] {
  const problems = checkPayload(payload, [
    (p) => (typeof p.problem === 'object' && p.problem !== null ? null : 'problem must be an object'),
    (p) => (typeof p.detail === 'object' && p.detail !== null ? null : 'detail must be an object'),
  ]);
  return problems.length ? problems : checkPayload((payload as { problem: unknown }).problem, problemChecks);
}

const problemEvent =
  <TDetail>() =>
  <TType extends `problem.${string}`>(type: TType, checks: FieldCheck[] = []) =>
    defineEvent<ProblemEventPayload<TDetail>>()({
      type,
      topic: Topics.problem,
      version: 1,
      aggregateType: 'problem',
      describePayloadProblems: (payload) => {
        const problems = describeProblemPayload(payload);
        return problems.length ? problems : checkPayload((payload as { detail: unknown }).detail, checks);
      },
    });

const incidentIdCheck: FieldCheck = (d) =>
  typeof d.incidentId === 'string' && d.incidentId ? null : 'detail.incidentId must be a string';

export interface ProblemCreatedDetail {
  /** How it came to be: by hand, accepted from a candidate, or from an import's problem reference. */
  origin: 'manual' | 'candidate' | 'import';
  candidateId: string | null;
}

export const ProblemCreated = problemEvent<ProblemCreatedDetail>()('problem.created');
/** Fields of the problem changed (names in `fields`); the RCA record counts as `rca`. */
export const ProblemUpdated = problemEvent<{ fields: string[] }>()('problem.updated', [
  (d) => (Array.isArray(d.fields) ? null : 'detail.fields must be an array'),
]);
export const ProblemIncidentLinked = problemEvent<{ incidentId: string }>()('problem.incident-linked', [incidentIdCheck]);
export const ProblemIncidentUnlinked = problemEvent<{ incidentId: string }>()('problem.incident-unlinked', [incidentIdCheck]);
/** Root cause and workaround recorded: linked open incidents show the workaround; knowledge drafts an article. */
export const ProblemKnownErrorPublished = problemEvent<Record<string, never>>()('problem.known-error-published');
/**
 * The permanent fix is done. With `resolveLinkedIncidents` the incident service resolves the open linked
 * incidents itself (code resolved_by_problem); otherwise it proposes that resolution to agents.
 */
export const ProblemResolved = problemEvent<{ resolveLinkedIncidents: boolean; resolutionNotes: string }>()('problem.resolved', [
  (d) => (typeof d.resolveLinkedIncidents === 'boolean' ? null : 'detail.resolveLinkedIncidents must be a boolean'),
]);
export const ProblemClosed = problemEvent<{ notes: string | null }>()('problem.closed');

/** A cluster of incidents that looks like one underlying problem (itil.md: N incidents share a CI, or category and similar text). */
export interface ProblemCandidateSnapshot {
  id: string;
  /** `ci`: the incidents share a configuration item; `category`: same category and similar text. */
  kind: 'ci' | 'category';
  ciId: string | null;
  category: string | null;
  incidentIds: string[];
  incidentNumbers: string[];
  /** Opening times of the first and last incident of the cluster (within the window when raised). */
  firstOpenedAt: string;
  lastOpenedAt: string;
  state: 'open' | 'accepted' | 'dismissed';
}

export const ProblemCandidateRaised = defineEvent<{ candidate: ProblemCandidateSnapshot }>()({
  type: 'problem.candidate-raised',
  topic: Topics.problem,
  version: 1,
  aggregateType: 'problem-candidate',
  describePayloadProblems: (payload) => {
    const problems = checkPayload(payload, [
      (p) => (typeof p.candidate === 'object' && p.candidate !== null ? null : 'candidate must be an object'),
    ]);
    if (problems.length) return problems;
    return checkPayload((payload as { candidate: unknown }).candidate, [
      (c) => (typeof c.id === 'string' && c.id ? null : 'candidate.id must be a string'),
      (c) => (c.kind === 'ci' || c.kind === 'category' ? null : 'candidate.kind must be ci or category'),
      (c) => (Array.isArray(c.incidentIds) ? null : 'candidate.incidentIds must be an array'),
    ]);
  },
});

export const ProblemEvents = [
  ProblemCreated,
  ProblemUpdated,
  ProblemIncidentLinked,
  ProblemIncidentUnlinked,
  ProblemKnownErrorPublished,
  ProblemResolved,
  ProblemClosed,
  ProblemCandidateRaised,
];
