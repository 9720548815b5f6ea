import { QueryGroup } from './query-plan';

/** Where a document holds each query group (from its tsvector's weights), and how densely it holds the query. */
export interface DocumentMatch {
  /** Per group, in plan order: FIELD_TITLE | FIELD_TAGS | FIELD_BODY bits. */
  fields: readonly number[];
  /** ts_rank of the whole query (term frequency and field weights, 0..1): separates documents that match alike. */
  density: number;
}

export const FIELD_TITLE = 4;
export const FIELD_TAGS = 2;
export const FIELD_BODY = 1;

// How much a query term counts by where it occurs: the title says most about what an article is for.
const TITLE_WEIGHT = 2;
const TAG_WEIGHT = 0.8;
const BODY_WEIGHT = 1;
const DENSITY_WEIGHT = 0.5;
// A spelling correction is a guess: it counts less than what was typed.
const GUESS_FACTOR = 0.7;

/**
 * How well a document answers the query: each query term weighs its inverse document frequency times
 * where it occurs (title, tags, body), normalised by the query's total weight, and scaled by how much
 * of the query's weight the document covers (a document with all terms beats one with some); how often
 * the terms occur (density) adds a little.
 */
export function relevance(groups: readonly QueryGroup[], match: DocumentMatch): number {
  let total = 0;
  let covered = 0;
  let score = 0;
  groups.forEach((group, i) => {
    total += group.idf;
    const fields = match.fields[i] ?? 0;
    if (fields === 0) return;
    const field =
      (fields & FIELD_TITLE ? TITLE_WEIGHT : 0) +
      (fields & FIELD_TAGS ? TAG_WEIGHT : 0) +
      (fields & FIELD_BODY ? BODY_WEIGHT : 0);
    covered += group.idf;
    score += group.idf * field * (group.corrected ? GUESS_FACTOR : 1);
  });
  if (total === 0 || covered === 0) return 0;
  const coverage = covered / total;
  return (score / total) * (0.4 + 0.6 * coverage) + DENSITY_WEIGHT * Math.min(Math.max(match.density, 0), 1);
}

export function matchesGroup(group: QueryGroup, lexeme: string): boolean {
  return group.lexemes.includes(lexeme) || group.prefixes.some((p) => lexeme.startsWith(p));
}

/**
 * Helpfulness from "was this helpful" votes, smoothed towards 1/2 (as if every article started with two
 * votes each way), so that one early vote does not make or break an article.
 */
export function helpfulness(helpfulCount: number, notHelpfulCount: number): number {
  return (helpfulCount + 2) / (helpfulCount + notHelpfulCount + 4);
}

const FRESHNESS_HALF_LIFE_DAYS = 365;

/** 1 for an article updated now, 1/2 after a year, 1/4 after two. */
export function freshness(updatedAt: Date, now: Date): number {
  const ageDays = Math.max(0, now.getTime() - updatedAt.getTime()) / 86_400_000;
  return 0.5 ** (ageDays / FRESHNESS_HALF_LIFE_DAYS);
}

/**
 * An article in the reader's language comes before its translation (analysis differs between the
 * languages, so their relevance differs a little) unless the other is clearly more relevant.
 */
const LANGUAGE_PREFERENCE = 1.25;

export interface RankingInput {
  relevance: number;
  helpfulness: number;
  freshness: number;
  /** In the language the reader asked in. */
  preferredLanguage: boolean;
}

/**
 * The order of results: relevance first; helpfulness (±10 %) and freshness (±2.5 %) move an article
 * only past others about as relevant; the reader's language is preferred.
 */
export function rankScore(input: RankingInput): number {
  return (
    input.relevance *
    (0.9 + 0.2 * input.helpfulness) *
    (0.975 + 0.05 * input.freshness) *
    (input.preferredLanguage ? LANGUAGE_PREFERENCE : 1)
  );
}

export interface RankedCandidate {
  id: string;
  score: number;
  helpfulness: number;
  updatedAt: Date;
}

/** Score, then helpfulness, then freshness, then id (a total order, so pages never overlap). */
export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  return (
    b.score - a.score ||
    b.helpfulness - a.helpfulness ||
    b.updatedAt.getTime() - a.updatedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
