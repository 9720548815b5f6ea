/** How often (or how much) each term counts in a text. */
export type TermVector = ReadonlyMap<string, number>;

/**
 * Counts terms (e.g. `analyzer.analyze(text)`); with `weightOf` each occurrence counts that much instead
 * of 1 (an inverse document frequency makes it a tf-idf vector).
 */
export function termVector(terms: Iterable<string>, weightOf: (term: string) => number = () => 1): TermVector {
  const vector = new Map<string, number>();
  for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + weightOf(term));
  return vector;
}

/** Cosine of the angle between two term vectors: 1 for the same distribution, 0 for nothing in common. */
export function cosineSimilarity(a: TermVector, b: TermVector): number {
  let dot = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  if (dot === 0) return 0;
  return dot / (norm(a) * norm(b));
}

/** |A ∩ B| / |A ∪ B| of two sets of terms (duplicates count once); 0 when both are empty. */
export function jaccardSimilarity(a: Iterable<string>, b: Iterable<string>): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 && setB.size === 0) return 0;
  let common = 0;
  for (const term of setA) if (setB.has(term)) common++;
  return common / (setA.size + setB.size - common);
}

function norm(vector: TermVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}
