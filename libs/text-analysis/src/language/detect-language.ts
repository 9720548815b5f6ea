const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * The language of text we did not get a language for (a problem's known error, an incident): Japanese
 * when it has any kana or kanji (Japanese IT text mixes in English words, never the other way round).
 */
export function detectLanguage(...texts: Array<string | null | undefined>): 'ja' | 'en' {
  return texts.some((t) => t && JAPANESE_SCRIPT.test(t)) ? 'ja' : 'en';
}
