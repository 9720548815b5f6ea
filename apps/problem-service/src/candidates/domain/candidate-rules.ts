/** When incidents count as one candidate problem (itil.md: N incidents within a window). */
export interface CandidateRules {
  /** N: how many related incidents raise a candidate (at least 2). */
  minIncidents: number;
  /** The longest span, by openedAt, that N incidents may cover; both ends count (inclusive). */
  windowMs: number;
  /** Cosine similarity of term vectors (0..1) from which two incidents of one category are alike. */
  minSimilarity: number;
}

/**
 * itil.md's 5 incidents within 24 h. The similarity threshold 0.35 comes from the help desk analyser's terms
 * (evidence in candidate-similarity.spec.ts). Incident texts analyse to 3–5 terms, so cosine is about
 * shared / √(|a|·|b|): sharing one term (typically the application's name) scores 0.20–0.33, sharing two or
 * more scores 0.40 and up. One symptom worded differently scores 0.60–1.00 within a language and 0.40–0.60
 * across Japanese and English (only synonym-mapped terms such as outlook and 添付/attachment meet there;
 * クラッシュ/crash and 開く/open stay apart), while "Outlook calendar does not sync" or "Outlook is slow to
 * start" score 0.26–0.33 against "Outlook crashes when opening attachments". 0.35 keeps the cross-language
 * matches and drops what shares only a name; a higher value would split Japanese from English reports.
 */
export const DEFAULT_CANDIDATE_RULES: CandidateRules = Object.freeze({
  minIncidents: 5,
  windowMs: 24 * 60 * 60 * 1000,
  minSimilarity: 0.35,
});

/** Throws a RangeError naming the first bad field: detection with nonsense rules would raise nonsense candidates. */
export function assertCandidateRules(rules: CandidateRules): void {
  if (!Number.isInteger(rules.minIncidents) || rules.minIncidents < 2) {
    throw new RangeError(`minIncidents must be a whole number of at least 2, not ${rules.minIncidents}`);
  }
  if (!Number.isFinite(rules.windowMs) || rules.windowMs <= 0) {
    throw new RangeError(`windowMs must be a positive number of milliseconds, not ${rules.windowMs}`);
  }
  if (!Number.isFinite(rules.minSimilarity) || rules.minSimilarity < 0 || rules.minSimilarity > 1) {
    throw new RangeError(`minSimilarity must be between 0 and 1, not ${rules.minSimilarity}`);
  }
}
