import type { CandidateDecision, ExistingCandidate } from './candidate-detection';
import { CandidateIncident } from './candidate-incident';
import { CandidateKey } from './candidate-key';
import { CandidateRules } from './candidate-rules';
import { byOpenedAtThenId, densestWindowAround } from './candidate-window';

/** One key's view of an arrival. */
export interface KeyEvaluation {
  key: CandidateKey;
  arriving: CandidateIncident;
  /**
   * Distinct incidents that share the key with the arriving one, were opened within windowMs of it and, for
   * a category, are similar to it; the arriving incident included.
   */
  related: readonly CandidateIncident[];
  /** The existing candidates of this key only. */
  candidates: readonly ExistingCandidate[];
  rules: CandidateRules;
}

/**
 * Raise, extend or nothing for one key:
 * - the arriving incident counts only if it is not linked to a problem and not yet in a candidate of the key
 *   (in an open one it has been counted; in an accepted or dismissed one the manager has decided on it);
 * - an open candidate that has one of the related incidents is the one it joins, together with every
 *   other related incident that counts and is in no candidate of the key (so a late incident also pulls in
 *   any related one left outside the candidate's first window); never a second candidate for the cluster;
 * - otherwise the densest window around the arriving incident raises a candidate once it holds N.
 * Open candidates of the key that it does not join (another burst of the CI long before, another text in
 * the category) do not stop a new candidate: a key may then have several open candidates, never sharing
 * an incident.
 */
export function decideForKey({ key, arriving, related, candidates, rules }: KeyEvaluation): CandidateDecision | null {
  const inCandidate = new Set(candidates.flatMap((candidate) => candidate.incidentIds));
  if (arriving.linkedToProblem || inCandidate.has(arriving.id)) return null;

  const free = related.filter((incident) => !incident.linkedToProblem && !inCandidate.has(incident.id));
  const joined = candidateToJoin(candidates, related);
  if (joined) {
    return { action: 'extend', candidateId: joined.id, addIncidentIds: free.sort(byOpenedAtThenId).map((i) => i.id) };
  }

  const members = densestWindowAround(free, arriving, rules.windowMs);
  if (members.length < rules.minIncidents) return null;
  return { action: 'raise', key, incidentIds: members.map((incident) => incident.id) };
}

/** The open candidate with a related incident (the lowest id if, unusually, several have one). */
function candidateToJoin(candidates: readonly ExistingCandidate[], related: readonly CandidateIncident[]) {
  const relatedIds = new Set(related.map((incident) => incident.id));
  const open = candidates
    .filter((candidate) => candidate.state === 'open' && candidate.incidentIds.some((id) => relatedIds.has(id)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return open[0] ?? null;
}
