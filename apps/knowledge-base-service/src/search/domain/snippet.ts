import { AnalyzedToken } from '@helpdesk/text-analysis';
import { QueryGroup } from './query-plan';
import { matchesGroup } from './ranking';
import { SnippetSegment } from './search-document';

/** A snippet shorter than this takes in the segments after it... */
const MIN_SNIPPET_LENGTH = 100;
/** ...up to this length. */
const MAX_SNIPPET_LENGTH = 220;

export interface SnippetText {
  text: string;
  /** Body text comes before / after it. */
  leading: boolean;
  trailing: boolean;
}

/**
 * The body text to show: the segment that holds the most of the query's weight (the earliest on a tie;
 * the opening when none does), with the segments after it while it is short.
 */
export function chooseSnippetText(segments: readonly SnippetSegment[], groups: readonly QueryGroup[]): SnippetText | null {
  if (segments.length === 0) return null;
  let best = 0;
  let bestWeight = 0;
  segments.forEach((segment, index) => {
    const weight = groups.filter((g) => segment.terms.some((t) => matchesGroup(g, t))).reduce((sum, g) => sum + g.idf, 0);
    if (weight > bestWeight) {
      best = index;
      bestWeight = weight;
    }
  });
  let text = segments[best].text;
  let last = best;
  while (
    text.length < MIN_SNIPPET_LENGTH &&
    last + 1 < segments.length &&
    text.length + 1 + segments[last + 1].text.length <= MAX_SNIPPET_LENGTH
  ) {
    last++;
    text += ` ${segments[last].text}`;
  }
  return { text, leading: best > 0, trailing: last < segments.length - 1 };
}

/**
 * HTML for a snippet: the words whose terms match the query inside <mark>…</mark> (neighbouring ones in
 * one mark), everything else HTML-escaped. Works where words have no spaces between them (Japanese)
 * because the analyser reports where each term came from.
 */
export function highlight(text: string, tokens: readonly AnalyzedToken[], isMatch: (term: string) => boolean): string {
  const spans: Array<{ start: number; end: number }> = [];
  for (const token of tokens) {
    if (!isMatch(token.term) || token.end <= token.start) continue;
    const last = spans[spans.length - 1];
    if (last && token.start <= last.end) last.end = Math.max(last.end, token.end);
    else if (last && /^\s*$/.test(text.slice(last.end, token.start))) last.end = token.end;
    else spans.push({ start: token.start, end: token.end });
  }
  let html = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    html += `${escapeHtml(text.slice(at, span.start))}<mark>${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  return html + escapeHtml(text.slice(at));
}

export function snippetHtml(snippet: SnippetText, highlighted: string): string {
  return `${snippet.leading ? '… ' : ''}${highlighted}${snippet.trailing ? ' …' : ''}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
