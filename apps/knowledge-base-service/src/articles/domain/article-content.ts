/** Tags compare loosely: NFKC (full-width ＶＰＮ is VPN), lower case, inner spaces collapsed; no empties, no repeats. */
export function normalizeTags(tags: readonly string[]): string[] {
  return distinct(tags.map((t) => t.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()));
}

/** Identifiers typed by people (CI ids, category codes): trimmed, no empties, no repeats, order kept. */
export function normalizeIdentifiers(values: readonly string[]): string[] {
  return distinct(values.map((v) => v.normalize('NFKC').trim()));
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}

const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * The language of text we did not get a language for (a problem's known error, an incident): Japanese
 * when it has any kana or kanji (Japanese IT text mixes in English words, never the other way round).
 */
export function detectLanguage(...texts: Array<string | null | undefined>): 'ja' | 'en' {
  return texts.some((t) => t && JAPANESE_SCRIPT.test(t)) ? 'ja' : 'en';
}
