// Test helpers for candidate detection: incidents by hour, and an in-memory stand-in for the service that
// delivers events in any order and applies the decisions, as problem-service will.
import { CandidateDecision, detectCandidates, ExistingCandidate } from './candidate-detection';
import { CandidateIncident } from './candidate-incident';
import { candidateKeyString } from './candidate-key';
import { CandidateRules, DEFAULT_CANDIDATE_RULES } from './candidate-rules';

export const HOUR = 60 * 60 * 1000;
export const T0 = new Date('2025-04-01T09:00:00.000Z');

/** An incident opened `hours` after T0, on CI `ci-1` with no category or text unless overridden. */
export function incidentAt(id: string, hours: number, overrides: Partial<CandidateIncident> = {}): CandidateIncident {
  return {
    id,
    number: `INC-${id}`,
    ciId: 'ci-1',
    category: null,
    openedAt: new Date(T0.getTime() + hours * HOUR),
    terms: [],
    linkedToProblem: false,
    ...overrides,
  };
}

/** Incidents `inc-1`… opened at the given hours (same overrides for all). */
export function incidentsAt(hours: readonly number[], overrides: Partial<CandidateIncident> = {}): CandidateIncident[] {
  return hours.map((h, i) => incidentAt(`inc-${i + 1}`, h, overrides));
}

export function ids(incidents: readonly CandidateIncident[]): string[] {
  return incidents.map((incident) => incident.id);
}

/** What the service keeps: the incidents it has seen and the candidates it has stored. */
export class CandidateStream {
  readonly incidents = new Map<string, CandidateIncident>();
  readonly candidates: ExistingCandidate[] = [];

  constructor(readonly rules: CandidateRules = DEFAULT_CANDIDATE_RULES) {}

  /** Stores (or updates) the incident, asks for decisions as the service would, and applies them. */
  deliver(incident: CandidateIncident): CandidateDecision[] {
    this.incidents.set(incident.id, incident);
    const decisions = detectCandidates(incident, this.neighboursOf(incident), this.candidatesFor(incident), this.rules);
    for (const decision of decisions) this.apply(decision);
    return decisions;
  }

  deliverAll(incidents: readonly CandidateIncident[]): CandidateDecision[] {
    return incidents.flatMap((incident) => this.deliver(incident));
  }

  /** A candidate stored with the manager's decision, as if raised earlier. */
  seed(candidate: ExistingCandidate): this {
    this.candidates.push({ ...candidate, incidentIds: [...candidate.incidentIds] });
    return this;
  }

  decide(candidateId: string, state: 'accepted' | 'dismissed'): void {
    const candidate = this.candidates.find((c) => c.id === candidateId);
    if (!candidate) throw new Error(`no candidate ${candidateId}`);
    candidate.state = state;
  }

  /** Members of each candidate as sorted id lists, with key and state, for comparisons. */
  summary(): { key: string; state: string; incidentIds: string[] }[] {
    return this.candidates.map((c) => ({ key: c.key, state: c.state, incidentIds: [...c.incidentIds].sort() }));
  }

  /** What the service's query returns: same CI or category, opened within the window, the incident included. */
  neighboursOf(incident: CandidateIncident): CandidateIncident[] {
    const at = incident.openedAt.getTime();
    return [...this.incidents.values()].filter(
      (other) =>
        ((incident.ciId !== null && other.ciId === incident.ciId) ||
          (incident.category !== null && other.category === incident.category)) &&
        Math.abs(other.openedAt.getTime() - at) <= this.rules.windowMs,
    );
  }

  candidatesFor(incident: CandidateIncident): ExistingCandidate[] {
    const keys = new Set<string>();
    if (incident.ciId) keys.add(candidateKeyString({ kind: 'ci', ciId: incident.ciId }));
    if (incident.category) keys.add(candidateKeyString({ kind: 'category', category: incident.category }));
    return this.candidates.filter((candidate) => keys.has(candidate.key)).map((c) => ({ ...c, incidentIds: [...c.incidentIds] }));
  }

  private apply(decision: CandidateDecision): void {
    if (decision.action === 'raise') {
      const id = `cand-${this.candidates.length + 1}`;
      this.candidates.push({ id, key: candidateKeyString(decision.key), state: 'open', incidentIds: [...decision.incidentIds] });
      return;
    }
    const candidate = this.candidates.find((c) => c.id === decision.candidateId);
    if (!candidate || candidate.state !== 'open') throw new Error(`extend of ${decision.candidateId}, which is not open`);
    const added = decision.addIncidentIds.filter((id) => !candidate.incidentIds.includes(id));
    if (added.length !== decision.addIncidentIds.length) throw new Error('extend repeats a member');
    candidate.incidentIds = [...candidate.incidentIds, ...added];
  }
}
