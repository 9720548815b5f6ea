import { FieldWeight, quoteLexeme } from './search-document';

/** One term of the query and the lexemes that count as it (itself, or its spelling corrections). */
export interface QueryGroup {
  term: string;
  lexemes: string[];
  /** A word still being typed matches every lexeme that starts with it. */
  prefixes: string[];
  /** Documents that hold one of the lexemes (the largest count, as an estimate). */
  documentCount: number;
  idf: number;
  /** Matched only through a spelling correction. */
  corrected: boolean;
}

/**
 * One step of the search for candidates: documents whose title and tags (`head`) or whole text (`all`)
 * match `query`. Steps go from strict to loose and are tried in order until there are enough candidates,
 * so that common terms (in a fifth of all articles) never make PostgreSQL rank every document holding them.
 */
export interface CandidateTier {
  field: 'head' | 'all';
  query: string;
}

export interface QueryPlan {
  groups: QueryGroup[];
  tiers: CandidateTier[];
  /** Any group: orders candidates within a tier (ts_rank). */
  anyQuery: string;
}

export interface VocabularyStats {
  documentCount: number;
  /** Documents per term (terms missing from it are in none). */
  termCounts: ReadonlyMap<string, number>;
}

export interface PlanOptions {
  /** Spelling corrections found for terms with no or few documents: term → better lexemes. */
  corrections?: ReadonlyMap<string, readonly string[]>;
  /** The last term is a word still being typed. */
  prefixTerm?: string;
  /** Longer texts (suggestions) keep their most informative terms only. */
  maxGroups?: number;
}

/** BM25's inverse document frequency: rare terms say more about a document than common ones. */
export function inverseDocumentFrequency(documentCount: number, termCount: number): number {
  const n = Math.max(documentCount, termCount);
  return Math.log(1 + (n - termCount + 0.5) / (termCount + 0.5));
}

/**
 * A term is selective when few enough documents hold it that looking at all of them stays cheap: the
 * loosest candidate step then asks for a selective term rather than any term.
 */
export function selectiveLimit(documentCount: number): number {
  return Math.max(1000, Math.floor(documentCount * 0.05));
}

/** Groups the query's terms with their corrections and weights, and chooses the candidate condition. */
export function planQuery(terms: readonly string[], stats: VocabularyStats, options: PlanOptions = {}): QueryPlan {
  const n = Math.max(stats.documentCount, 1);
  const groups: QueryGroup[] = [];
  for (const term of new Set(terms)) {
    const own = stats.termCounts.get(term) ?? 0;
    const corrections = (options.corrections?.get(term) ?? []).filter((c) => c !== term);
    const prefixes = term === options.prefixTerm ? [term] : [];
    const lexemes = own > 0 || corrections.length === 0 ? [term, ...corrections] : corrections;
    const counts = lexemes.map((l) => stats.termCounts.get(l) ?? 0);
    const documentCount = Math.max(0, ...counts);
    // A term no document holds (and no correction rescues) cannot match: it would only dilute the others.
    if (documentCount === 0 && prefixes.length === 0) continue;
    // A prefix's count is unknown: weigh it like a fairly specific term.
    const idfCount = documentCount > 0 ? documentCount : Math.ceil(n * 0.01);
    groups.push({
      term,
      lexemes,
      prefixes,
      documentCount,
      idf: inverseDocumentFrequency(n, idfCount),
      corrected: own === 0 && corrections.length > 0,
    });
  }
  const kept = keepMostInformative(groups, options.maxGroups);
  return { groups: kept, tiers: candidateTiers(kept, n), anyQuery: anyOf(kept) };
}

// "Two of the query's terms" is built from this many of its most informative terms (10 pairs at most).
const PAIR_TERMS = 5;
// A longer text (a description) rarely holds all its terms in one article: its search starts at "two of them".
const MAX_TERMS_FOR_ALL = 5;

/**
 * Strict to loose: every term in the title or tags, then anywhere (up to five terms); for three terms or
 * more, two of the most informative ones in the title or tags, then anywhere; then any term (any
 * selective one, when there is one) in the title or tags, then anywhere.
 */
export function candidateTiers(groups: readonly QueryGroup[], documentCount: number): CandidateTier[] {
  if (groups.length === 0) return [];
  const steps: string[] = [];
  if (groups.length <= MAX_TERMS_FOR_ALL) steps.push(allOf(groups));
  if (groups.length >= 3) steps.push(pairsOf([...groups].sort((a, b) => b.idf - a.idf).slice(0, PAIR_TERMS)));
  if (groups.length >= 2) {
    const limit = selectiveLimit(documentCount);
    const selective = groups.filter((g) => g.prefixes.length === 0 && g.documentCount <= limit);
    steps.push(anyOf(selective.length > 0 ? selective : groups));
  }
  return steps.flatMap((query): CandidateTier[] => [
    { field: 'head', query },
    { field: 'all', query },
  ]);
}

function keepMostInformative(groups: QueryGroup[], max: number | undefined): QueryGroup[] {
  if (max === undefined || groups.length <= max) return groups;
  const keep = new Set([...groups].sort((a, b) => b.idf - a.idf).slice(0, max));
  return groups.filter((g) => keep.has(g));
}

/** The tsquery (input syntax) matching one group, optionally only in one field (title A, tags B, body C). */
export function groupQuery(group: QueryGroup, weight: FieldWeight | '' = ''): string {
  const alternatives = [
    ...group.lexemes.map((l) => `${quoteLexeme(l)}${weight ? `:${weight}` : ''}`),
    ...group.prefixes.map((p) => `${quoteLexeme(p)}:*${weight}`),
  ];
  return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' | ')})`;
}

/** Per group, the queries that tell whether a document holds it in its title, tags and body (in that order). */
export function fieldQueries(groups: readonly QueryGroup[]): string[] {
  return groups.flatMap((g) => FIELDS.map((field) => groupQuery(g, field)));
}

const FIELDS: readonly FieldWeight[] = ['A', 'B', 'C'];

function anyOf(groups: readonly QueryGroup[]): string {
  return groups.map((g) => groupQuery(g)).join(' | ');
}

function allOf(groups: readonly QueryGroup[]): string {
  return groups.map((g) => groupQuery(g)).join(' & ');
}

function pairsOf(groups: readonly QueryGroup[]): string {
  const pairs: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) pairs.push(`(${groupQuery(groups[i])} & ${groupQuery(groups[j])})`);
  }
  return pairs.join(' | ');
}
