import { defineEvent } from '../events/event-definition';
import { checkPayload, FieldCheck } from '../events/payload-checks';
import { Topics } from '../topics';

/** What other services need to know of a problem (itil.md "Problems and known errors"). */
export interface ProblemRef {
  id: string;
  number: string;
  title: string;
  state: string;
  rootCause: string | null;
  workaround: string | null;
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
