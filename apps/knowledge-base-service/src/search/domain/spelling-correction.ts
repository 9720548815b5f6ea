/** A known term that looks like a query term (from the vocabulary's trigram index or the synonym table). */
export interface CorrectionCandidate {
  /** The term to search instead. */
  term: string;
  /** The word the typo is measured against when it is not the term itself (a synonym: "laptop" for "pc"). */
  spelling?: string;
  /** Documents holding the term. */
  documentCount: number;
}

/** Latin terms long enough for a typo to be told from another word; Japanese is segmented, not spelled. */
const CORRECTABLE = /^[a-z][a-z0-9]{3,}$/;
/** A term with this many documents or fewer may be a typo that a few articles share. */
export const RARE_TERM_COUNT = 2;
/** A correction of a term that does occur must be this much more common. */
const MORE_COMMON_FACTOR = 20;
const MAX_CORRECTIONS = 2;

export function needsCorrection(term: string, documentCount: number): boolean {
  return documentCount <= RARE_TERM_COUNT && CORRECTABLE.test(term);
}

/** Edits a typo may have: one for words up to six letters ("outlok"), two for longer ones ("conecton"). */
export function maxEdits(term: string): number {
  return term.length <= 6 ? 1 : 2;
}

/**
 * The likeliest intended terms for a rare or unknown term: candidates within the typo's edit distance
 * (Damerau–Levenshtein, so a swapped pair is one edit), fewest edits first, then the most common.
 */
export function chooseCorrections(term: string, documentCount: number, candidates: readonly CorrectionCandidate[]): string[] {
  const limit = maxEdits(term);
  const minCount = documentCount > 0 ? documentCount * MORE_COMMON_FACTOR : 1;
  const ranked = candidates
    .filter((c) => c.term !== term && c.documentCount >= minCount)
    .map((c) => ({ ...c, distance: editDistance(term, c.spelling ?? c.term, limit) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || b.documentCount - a.documentCount || (a.term < b.term ? -1 : 1));
  const chosen: string[] = [];
  for (const c of ranked) if (chosen.length < MAX_CORRECTIONS && !chosen.includes(c.term)) chosen.push(c.term);
  return chosen;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), or limit + 1 when over the limit. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) rows[i].push(i === 0 ? j : 0);
  }
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
  }
  return Math.min(rows[a.length][b.length], limit + 1);
}
