import { englishTerm, isEnglishStopWord } from './english/english-words';
import { KuromojiTokenizer, loadKuromoji } from './japanese/kuromoji-loader';
import { japaneseWords } from './japanese/japanese-words';
import { katakanizeHiraganaLoanwords, normalizeKatakanaWord, normalizeText } from './normalization/normalize-text';
import { scriptRuns } from './normalization/script-runs';
import { HELP_DESK_SYNONYMS, SynonymGroup } from './synonyms/help-desk-synonyms';
import { RawToken, SynonymRules } from './synonyms/synonym-rules';

/** One index term and the stretch of the original text it came from (UTF-16 offsets, end exclusive). */
export interface AnalyzedToken {
  term: string;
  start: number;
  end: number;
}

/**
 * Turns text into normalised index terms, the same way for documents and queries: NFKC and lower case;
 * Japanese segmented by kuromoji into content words in dictionary form; other words tokenised, stop
 * words dropped and Porter-stemmed; synonyms (also across the two languages) mapped to one term.
 */
export interface TextAnalyzer {
  /** The terms of a text, in order (repeated terms repeat). */
  analyze(text: string): string[];
  /** The terms with where each came from, for highlighting. */
  tokens(text: string): AnalyzedToken[];
}

class HelpDeskTextAnalyzer implements TextAnalyzer {
  private readonly synonyms: SynonymRules;

  constructor(
    private readonly tokenizer: KuromojiTokenizer,
    synonymGroups: readonly SynonymGroup[],
  ) {
    this.synonyms = new SynonymRules(
      synonymGroups.flatMap((group) => {
        const to = typeof group.to === 'string' ? [group.to] : group.to;
        return group.from.map((variant) => {
          const { tokens, prepared } = this.rawTokens(variant);
          const japanese = /^[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}ー々]+$/u.test(prepared);
          return { sequence: tokens.map((t) => t.term), surface: japanese ? normalizeKatakanaWord(prepared) : undefined, to };
        });
      }),
    );
  }

  analyze(text: string): string[] {
    return this.tokens(text).map((t) => t.term);
  }

  tokens(text: string): AnalyzedToken[] {
    const { tokens: raw, normalized, prepared } = this.rawTokens(text);
    const out: AnalyzedToken[] = [];
    const originalSpan = (first: RawToken, last: RawToken) => ({
      start: normalized.starts[first.start],
      end: normalized.ends[last.end - 1],
    });
    for (let i = 0; i < raw.length;) {
      const match = this.synonyms.longestMatch(raw, i, prepared);
      if (match) {
        const span = originalSpan(raw[i], raw[i + match.length - 1]);
        for (const term of match.to) out.push({ term, ...span });
        i += match.length;
        continue;
      }
      const token = raw[i++];
      if (!token.stop && isUsefulTerm(token.term)) out.push({ term: token.term, ...originalSpan(token, token) });
    }
    return out;
  }

  /** Tokens before synonyms and stop-word removal, with offsets in the normalised text. */
  private rawTokens(text: string) {
    const normalized = normalizeText(text);
    const prepared = katakanizeHiraganaLoanwords(normalized.text);
    const tokens: RawToken[] = [];
    for (const run of scriptRuns(prepared)) {
      if (run.kind === 'word') {
        tokens.push({
          term: englishTerm(run.text),
          start: run.start,
          end: run.start + run.text.length,
          stop: isEnglishStopWord(run.text),
        });
        continue;
      }
      for (const word of japaneseWords(this.tokenizer, run.text)) {
        tokens.push({ term: word.term, start: run.start + word.start, end: run.start + word.end, stop: !word.content });
      }
    }
    return { tokens, normalized, prepared };
  }
}

/** Single Latin letters say nothing ("c" of "C:\"); digits do ("windows 11"). */
function isUsefulTerm(term: string): boolean {
  return term.length > 1 || /[^a-z]/.test(term);
}

let shared: Promise<TextAnalyzer> | null = null;

/** The help desk's analyser, created once per process (loading kuromoji's dictionary takes about a second). */
export function loadTextAnalyzer(): Promise<TextAnalyzer> {
  shared ??= loadKuromoji()
    .then((tokenizer) => createTextAnalyzer(tokenizer))
    .catch((err: unknown) => {
      shared = null; // a later call may try again
      throw err;
    });
  return shared;
}

/** An analyser with other synonyms (tests, or a domain other than the help desk). */
export function createTextAnalyzer(
  tokenizer: KuromojiTokenizer,
  synonyms: readonly SynonymGroup[] = HELP_DESK_SYNONYMS,
): TextAnalyzer {
  return new HelpDeskTextAnalyzer(tokenizer, synonyms);
}
