import { Inject, Injectable } from '@nestjs/common';
import { HELP_DESK_SYNONYMS, porterStem, TEXT_ANALYZER, TextAnalyzer } from '@helpdesk/text-analysis';
import { planQuery, QueryPlan } from './domain/query-plan';
import { chooseCorrections, CorrectionCandidate, editDistance, maxEdits, needsCorrection } from './domain/spelling-correction';
import { DOCUMENT_COUNT_TERM, SearchRepository } from './search.repository';

// A long description keeps its most informative terms.
const MAX_QUERY_TERMS = 10;

/**
 * Turns search text into a query plan: the text analysed like the articles, rare or unknown Latin words
 * corrected (vocabulary terms that share trigrams, and synonym spellings: "labtop" → laptop → pc), each
 * term weighed by how many articles hold it.
 */
@Injectable()
export class SearchQueryPlanner {
  /** Single Latin words of the synonym table by stem ("laptop"), with the terms they stand for ("pc"). */
  private readonly synonymSpellings: ReadonlyArray<{ spelling: string; terms: string[] }>;

  constructor(
    @Inject(TEXT_ANALYZER) private readonly analyzer: TextAnalyzer,
    private readonly repository: SearchRepository,
  ) {
    this.synonymSpellings = HELP_DESK_SYNONYMS.flatMap((group) =>
      group.from
        .filter((variant) => /^[a-z][a-z0-9]+$/i.test(variant))
        .map((variant) => ({ spelling: porterStem(variant.toLowerCase()), terms: analyzer.analyze(variant) })),
    );
  }

  /** `typing`: the text may end in an unfinished word, which then also matches as a prefix. */
  async plan(text: string, typing: boolean): Promise<QueryPlan> {
    const tokens = this.analyzer.tokens(text);
    if (tokens.length === 0) return planQuery([], { documentCount: 0, termCounts: new Map() });
    const terms = tokens.map((t) => t.term);
    const last = tokens[tokens.length - 1];
    // An unfinished word: the text ends right after a Latin term ("passw").
    const prefixTerm = typing && last.end === text.length && /^[a-z0-9]+$/.test(last.term) ? last.term : undefined;

    const synonymGuesses = this.synonymGuesses(terms);
    const counts = await this.repository.termCounts([...terms, ...[...synonymGuesses.values()].flat().map((g) => g.term)]);
    const toCorrect = [...new Set(terms)].filter((t) => t !== prefixTerm && needsCorrection(t, counts.get(t) ?? 0));
    const corrections = new Map<string, string[]>();
    if (toCorrect.length > 0) {
      const similar = await this.repository.similarTerms(toCorrect);
      for (const term of toCorrect) {
        const candidates = [
          ...(similar.get(term) ?? []),
          ...(synonymGuesses.get(term) ?? []).map((g) => ({ ...g, documentCount: counts.get(g.term) ?? 0 })),
        ];
        for (const c of candidates) if (!counts.has(c.term)) counts.set(c.term, c.documentCount);
        const chosen = chooseCorrections(term, counts.get(term) ?? 0, candidates);
        if (chosen.length > 0) corrections.set(term, chosen);
      }
    }
    return planQuery(
      terms,
      { documentCount: counts.get(DOCUMENT_COUNT_TERM) ?? 0, termCounts: counts },
      { corrections, prefixTerm, maxGroups: MAX_QUERY_TERMS },
    );
  }

  /** Synonyms within a typo of a correctable term, before knowing whether it needs correcting (one lookup for both). */
  private synonymGuesses(terms: readonly string[]): Map<string, CorrectionCandidate[]> {
    const guesses = new Map<string, CorrectionCandidate[]>();
    for (const term of new Set(terms)) {
      if (!needsCorrection(term, 0)) continue;
      const limit = maxEdits(term);
      const found = this.synonymSpellings
        .filter((s) => s.spelling !== term && editDistance(term, s.spelling, limit) <= limit)
        .flatMap((s) => s.terms.map((t) => ({ term: t, spelling: s.spelling, documentCount: 0 })));
      if (found.length > 0) guesses.set(term, found);
    }
    return guesses;
  }
}
