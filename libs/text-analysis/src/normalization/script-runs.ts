/** A stretch of normalised text in one writing system: Japanese goes to the morphological analyser, words to the English pipeline. */
export interface ScriptRun {
  kind: 'ja' | 'word';
  text: string;
  /** Offset in the normalised text. */
  start: number;
}

// Kana, kanji and the marks that live inside Japanese words (ー long vowel, 々 repetition, 〆).
const JAPANESE = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}ー々〆〇]/u;
// Letters and digits of any other script (Latin, Greek, Cyrillic, Hangul, ...).
const WORD = /[\p{L}\p{N}]/u;
const APOSTROPHES = /['’]/;

/**
 * Splits text into Japanese runs and word runs; everything else (spaces, punctuation, symbols, emoji)
 * separates them. An apostrophe between letters stays inside a word ("can't", "user's").
 */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let current: ScriptRun | null = null;
  const chars = Array.from(text);
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    let kind: ScriptRun['kind'] | null = JAPANESE.test(char) ? 'ja' : WORD.test(char) ? 'word' : null;
    if (kind === null && APOSTROPHES.test(char) && current?.kind === 'word' && WORD.test(chars[i + 1] ?? '')) kind = 'word';
    if (kind === null) {
      current = null;
    } else if (current && current.kind === kind) {
      current.text += char;
    } else {
      current = { kind, text: char, start: offset };
      runs.push(current);
    }
    offset += char.length;
  }
  return runs;
}
