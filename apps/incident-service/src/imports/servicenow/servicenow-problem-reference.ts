import { ImportedIncidentPlan } from './servicenow-incident-plan';

/**
 * ServiceNow's reference to an incident's problem as our events carry it (`externalProblemKey`): trimmed, with runs
 * of whitespace as one space, so `Problem ID  2` and `Problem ID 2` are one problem. Null for none (`?`, blank).
 */
export function normalizeServiceNowProblemKey(raw: string | null | undefined): string | null {
  const key = (raw ?? '').replace(/\s+/gu, ' ').trim();
  return key === '' || key === '?' ? null : key;
}

/**
 * The problem the incident's final record names, if any. The import hands it on as it is (one
 * incident.problem-linked with origin `import`): the problem service creates the problem and links back.
 */
export function importedProblemKey(plan: Pick<ImportedIncidentPlan, 'finalRow'>): string | null {
  return normalizeServiceNowProblemKey(plan.finalRow.problemId);
}
