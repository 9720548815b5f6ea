import { TextAnalyzer } from '@helpdesk/text-analysis';
import { markdownSegments } from './markdown-segments';

/** tsvector weights: title A, tags B, body C (the ranking reads them back per query term). */
export type FieldWeight = 'A' | 'B' | 'C';

/** A piece of body text and the distinct terms in it, from which a snippet is chosen without re-analysing the body. */
export interface SnippetSegment {
  text: string;
  terms: string[];
}

export interface SearchDocumentContent {
  /** The tsvector in PostgreSQL's input syntax (`'term':1A,7C ...`), built from the analyser's terms. */
  tsvector: string;
  /** The same for the title and tags only (a small vector whose index finds title matches cheaply). */
  headTsvector: string;
  /** Every distinct term of the document (the vocabulary counts documents per term). */
  distinctTerms: string[];
  segments: SnippetSegment[];
}

// PostgreSQL's limits: positions 1..16383, at most 256 positions per lexeme, lexemes under 2 KB.
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_TERM = 256;
const MAX_TERM_LENGTH = 100;
// Gaps between fields and segments, so that a phrase never seems to run across them.
const FIELD_GAP = 2;

/**
 * What the index stores for an article: its title, tags and body analysed into one weighted
 * tsvector, plus the body's plain-text segments with their terms (for snippets).
 */
export function buildSearchDocument(
  analyzer: TextAnalyzer,
  article: { title: string; tags: readonly string[]; body: string },
): SearchDocumentContent {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (terms: readonly string[], weight: FieldWeight) => {
    for (const term of terms) {
      position = Math.min(position + 1, MAX_POSITION);
      if (term.length > MAX_TERM_LENGTH) continue;
      const list = positions.get(term) ?? [];
      // Past the last position every term is clamped onto it; PostgreSQL keeps one entry per position.
      const repeated = list.length > 0 && parseInt(list[list.length - 1], 10) === position;
      if (list.length < MAX_POSITIONS_PER_TERM && !repeated) list.push(`${position}${weight}`);
      positions.set(term, list);
    }
  };

  add(analyzer.analyze(article.title), 'A');
  position += FIELD_GAP;
  for (const tag of article.tags) {
    add(analyzer.analyze(tag), 'B');
    position += 1;
  }
  const headTsvector = toTsvector(positions);
  position += FIELD_GAP;
  const segments: SnippetSegment[] = [];
  for (const text of markdownSegments(article.body)) {
    const terms = analyzer.analyze(text);
    add(terms, 'C');
    position += 1;
    segments.push({ text, terms: [...new Set(terms)] });
  }

  return { tsvector: toTsvector(positions), headTsvector, distinctTerms: [...positions.keys()], segments };
}

function toTsvector(positions: ReadonlyMap<string, readonly string[]>): string {
  return [...positions].map(([term, list]) => `${quoteLexeme(term)}:${list.join(',')}`).join(' ');
}

/** A lexeme quoted for tsvector/tsquery input: quotes doubled, backslashes escaped. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
