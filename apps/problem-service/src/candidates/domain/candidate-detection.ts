import { cosineSimilarity, termVector, TermVector } from '@helpdesk/text-analysis';
import { CandidateIncident } from './candidate-incident';
import { CandidateKey, candidateKeyString, categoryKeyOf, ciKeyOf } from './candidate-key';
import { decideForKey } from './candidate-key-decision';
import { assertCandidateRules, CandidateRules } from './candidate-rules';

/** A candidate problem as stored; `key` is a candidateKeyString. */
export interface ExistingCandidate {
  id: string;
  key: string;
  state: 'open' | 'accepted' | 'dismissed';
  incidentIds: readonly string[];
}

export type CandidateDecision =
  /** A new candidate with these members (sorted by openedAt, then id). */
  | { action: 'raise'; key: CandidateKey; incidentIds: string[] }
  /** These incidents (sorted by openedAt, then id) join an open candidate. */
  | { action: 'extend'; candidateId: string; addIncidentIds: string[] };

/**
 * Given the incident that just arrived (or changed), its neighbours (every known incident with the same ciId or the same
 * category whose openedAt is within windowMs of the incident's openedAt, in any order, possibly including the incident itself
 * and possibly with duplicates), and the existing candidates for the incident's keys, decide what to do. Pure.
 *
 * At most one decision per key, the CI's first. Neighbours are taken by id (the arriving incident's copy wins,
 * else the first copy) and those opened more than windowMs away are ignored, so a caller's wider query does no harm.
 * The category rule counts the neighbours similar to the arriving incident (not to each other: simple, deterministic,
 * and a cluster is then "the incidents like this one"); incidents without terms are never similar. A category candidate
 * whose members all belong to a candidate of the incident's CI (existing in any state, or decided now) is not raised.
 * Applying the decisions and calling again with the same incident returns [].
 */
export function detectCandidates(
  incident: CandidateIncident,
  neighbours: readonly CandidateIncident[],
  existing: readonly ExistingCandidate[],
  rules: CandidateRules,
): CandidateDecision[] {
  assertCandidateRules(rules);
  if (Number.isNaN(incident.openedAt.getTime())) throw new RangeError(`incident ${incident.id} has no valid openedAt`);
  const nearby = distinctNearby(incident, neighbours, rules.windowMs);
  const candidatesOf = (key: CandidateKey) => existing.filter((candidate) => candidate.key === candidateKeyString(key));
  const decisions: CandidateDecision[] = [];

  const ciKey = ciKeyOf(incident);
  const ciCovered = new Set<string>();
  if (ciKey) {
    const candidates = candidatesOf(ciKey);
    const related = nearby.filter((other) => other.ciId === incident.ciId);
    const decision = decideForKey({ key: ciKey, arriving: incident, related, candidates, rules });
    if (decision) decisions.push(decision);
    for (const id of candidates.flatMap((candidate) => candidate.incidentIds)) ciCovered.add(id);
    for (const id of decisionIncidentIds(decision)) ciCovered.add(id);
  }

  const categoryKey = categoryKeyOf(incident);
  if (categoryKey && incident.terms.length > 0) {
    const similarToArriving = similarityTo(incident, rules.minSimilarity);
    const related = nearby.filter((other) => other.category === incident.category && similarToArriving(other));
    const decision = decideForKey({
      key: categoryKey,
      arriving: incident,
      related,
      candidates: candidatesOf(categoryKey),
      rules,
    });
    const redundant = decision?.action === 'raise' && decision.incidentIds.every((id) => ciCovered.has(id));
    if (decision && !redundant) decisions.push(decision);
  }
  return decisions;
}

/** One copy per id, opened within windowMs of the incident (ends inclusive), the incident itself included. */
function distinctNearby(incident: CandidateIncident, neighbours: readonly CandidateIncident[], windowMs: number) {
  const at = incident.openedAt.getTime();
  const byId = new Map<string, CandidateIncident>([[incident.id, incident]]);
  for (const other of neighbours) {
    if (byId.has(other.id)) continue;
    // NaN (an invalid date) fails the comparison: such a neighbour cannot be placed in any window.
    if (Math.abs(other.openedAt.getTime() - at) <= windowMs) byId.set(other.id, other);
  }
  return [...byId.values()];
}

// Identical term lists may compute to 0.9999999999999998: a threshold of 1 should still mean "the same terms".
const ROUNDING = 1e-9;

function similarityTo(incident: CandidateIncident, minSimilarity: number) {
  const own = termVector(incident.terms);
  const vectors = new Map<string, TermVector>();
  return (other: CandidateIncident): boolean => {
    if (other.id === incident.id) return true;
    let vector = vectors.get(other.id);
    if (!vector) vectors.set(other.id, (vector = termVector(other.terms)));
    const similarity = cosineSimilarity(own, vector); // 0 when either has no terms
    return similarity > 0 && similarity >= minSimilarity - ROUNDING;
  };
}

function decisionIncidentIds(decision: CandidateDecision | null): readonly string[] {
  if (!decision) return [];
  return decision.action === 'raise' ? decision.incidentIds : decision.addIncidentIds;
}
