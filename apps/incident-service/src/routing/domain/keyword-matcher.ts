/**
 * Keyword matching for routing rules that works the same for Japanese and English text.
 *
 * Text and keywords go through one normalisation (`normalizeText`):
 * - Unicode NFKC: full-width ＶＰＮ becomes VPN, half-width ｶﾀｶﾅ becomes カタカナ, ① becomes 1;
 * - case folding (locale-independent lower case);
 * - every run of whitespace, punctuation (ASCII and Japanese: 、。「」・…) and control characters
 *   becomes one space, and the ends are trimmed. `# & @ _` stay, so `C#` keeps its meaning.
 *
 * Then a keyword matches where it occurs in the text, with word boundaries only where the keyword
 * has a letter of a spaced script at its edge:
 * - an edge that is a Latin (also Greek, Cyrillic) letter, digit or one of `_ # & @ +` must not
 *   touch another such character in the text: `mfa` does not match `comfa`, `login` matches
 *   `Login failed` and `VPNに繋がらない` (Japanese next to a Latin word is a boundary);
 * - an edge in an unspaced script (Japanese kanji and kana, Thai, …) needs no boundary: Japanese
 *   keywords match as substrings (`起動しない` matches `PCが起動しない`).
 *
 * Decided: since punctuation becomes a space, `log-in` and `log in` are the same words, but `login`
 * does not match them (nor `logged`): a rule that wants all spellings lists each (the seeded rules
 * do). Hiragana and katakana spellings of one word are not folded together either.
 */

// Whitespace, punctuation and control characters, except the symbols that belong to words.
const SEPARATORS = /(?:(?![#&@_])[\s\p{P}\p{Cc}])+/gu;

const WORD_CHARACTER =
  /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Georgian}\p{Nd}\p{M}_#&@+]/u;

// Spaced scripts live below U+3000; everything from there up (CJK, kana, Hangul, surrogates for
// the supplementary planes) counts as unspaced. A table keeps boundary checks allocation-free.
const TABLE_SIZE = 0x3000;
const WORD_TABLE = buildWordTable();

function buildWordTable(): Uint8Array {
  const table = new Uint8Array(TABLE_SIZE);
  for (let code = 0; code < TABLE_SIZE; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (WORD_CHARACTER.test(String.fromCharCode(code))) table[code] = 1;
  }
  return table;
}

function isWordUnit(code: number): boolean {
  return code < TABLE_SIZE && WORD_TABLE[code] === 1;
}

/** The normal form that both texts and keywords are compared in (see the module comment). */
export function normalizeText(text: string): string {
  // NFKC again after lower-casing: a few lower-case forms are not NFKC-stable by themselves.
  const folded = text.normalize('NFKC').toLowerCase().normalize('NFKC');
  return folded.replace(SEPARATORS, ' ').trim();
}

/** A keyword ready to search for: its normal form and which of its edges need a word boundary. */
export interface CompiledKeyword {
  readonly text: string;
  readonly boundaryStart: boolean;
  readonly boundaryEnd: boolean;
}

/** Null for a keyword that normalises to nothing (only spaces or punctuation): it could match anywhere. */
export function compileKeyword(keyword: string): CompiledKeyword | null {
  const text = normalizeText(keyword);
  if (text.length === 0) return null;
  return {
    text,
    boundaryStart: isWordUnit(text.charCodeAt(0)),
    boundaryEnd: isWordUnit(text.charCodeAt(text.length - 1)),
  };
}

/** Whether an already normalised text contains the keyword (at word boundaries where its edges need them). */
export function containsKeyword(normalizedText: string, keyword: CompiledKeyword): boolean {
  const needle = keyword.text;
  let from = 0;
  for (;;) {
    const at = normalizedText.indexOf(needle, from);
    if (at < 0) return false;
    const end = at + needle.length;
    const startOk = !keyword.boundaryStart || at === 0 || !isWordUnit(normalizedText.charCodeAt(at - 1));
    const endOk = !keyword.boundaryEnd || end === normalizedText.length || !isWordUnit(normalizedText.charCodeAt(end));
    if (startOk && endOk) return true;
    from = at + 1;
  }
}

/** Whether an already normalised text contains any of the keywords. */
export function containsAnyKeyword(normalizedText: string, keywords: readonly CompiledKeyword[]): boolean {
  for (let i = 0; i < keywords.length; i++) {
    if (containsKeyword(normalizedText, keywords[i])) return true;
  }
  return false;
}

/** Convenience for one-off checks (validation, tests): normalises both sides. */
export function matchesKeyword(text: string, keyword: string): boolean {
  const compiled = compileKeyword(keyword);
  return compiled !== null && containsKeyword(normalizeText(text), compiled);
}
