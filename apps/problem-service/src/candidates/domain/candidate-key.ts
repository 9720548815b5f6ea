import { CandidateIncident } from './candidate-incident';

/** What a candidate's incidents have in common: a configuration item, or a category (plus similar text). */
export type CandidateKey = { kind: 'ci'; ciId: string } | { kind: 'category'; category: string };

/** The key as stored and compared: `ci:<id>` or `category:<name>` (the prefix alone tells the kind). */
export function candidateKeyString(key: CandidateKey): string {
  return key.kind === 'ci' ? `ci:${key.ciId}` : `category:${key.category}`;
}

/** The CI key of an incident, if it names a CI (an empty id names none). */
export function ciKeyOf(incident: Pick<CandidateIncident, 'ciId'>): CandidateKey | null {
  return incident.ciId ? { kind: 'ci', ciId: incident.ciId } : null;
}

/** The category key of an incident, if it has a category (an empty name is none). */
export function categoryKeyOf(incident: Pick<CandidateIncident, 'category'>): CandidateKey | null {
  return incident.category ? { kind: 'category', category: incident.category } : null;
}

/** Every key an incident can be clustered under, CI first. */
export function candidateKeysOf(incident: Pick<CandidateIncident, 'ciId' | 'category'>): CandidateKey[] {
  return [ciKeyOf(incident), categoryKeyOf(incident)].filter((key): key is CandidateKey => key !== null);
}
