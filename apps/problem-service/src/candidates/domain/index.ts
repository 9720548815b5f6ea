// Candidate problems (itil.md "Problems and known errors"): which incidents look like one underlying problem.
export { CandidateIncident } from './candidate-incident';
export { assertCandidateRules, CandidateRules, DEFAULT_CANDIDATE_RULES } from './candidate-rules';
export { CandidateKey, candidateKeysOf, candidateKeyString, categoryKeyOf, ciKeyOf } from './candidate-key';
export { CandidateDecision, detectCandidates, ExistingCandidate } from './candidate-detection';
export { byOpenedAtThenId, densestWindowAround, OpenedAt } from './candidate-window';
