/**
 * Text normalised for analysis (NFKC, lower case) together with where each of its UTF-16 units came
 * from in the original, so that tokens found in the normalised text can be highlighted in the original.
 */
export interface NormalizedText {
  text: string;
  /** For each unit of `text`: the original offset where its source cluster starts. */
  starts: number[];
  /** For each unit of `text`: the original offset where its source cluster ends. */
  ends: number[];
}

// A base character followed by what composes with it under NFKC or belongs to it on screen: combining
// marks (incl. variation selectors), half-width (semi-)voiced sound marks, emoji ZWJ sequences.
const CLUSTER = /[\s\S](?:[\p{M}\uFF9E\uFF9F]|\u200D[\s\S])*/gu;

/** NFKC + lower case, one cluster at a time so that offsets survive (full-width "ＰＣ" → "pc"). */
export function normalizeText(original: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of original.matchAll(CLUSTER)) {
    const start = match.index;
    const end = start + match[0].length;
    const normalized = match[0].normalize('NFKC').toLowerCase();
    text += normalized;
    for (let i = 0; i < normalized.length; i++) {
      starts.push(start);
      ends.push(end);
    }
  }
  return { text, starts, ends };
}

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KANA_OFFSET = 0x60;

/** ひらがな → カタカナ (other characters unchanged; same length). */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + KANA_OFFSET));
}

/** カタカナ → ひらがな (other characters unchanged; same length). */
export function toHiragana(text: string): string {
  return text.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - KANA_OFFSET));
}

export function isHiragana(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= HIRAGANA_START && code <= HIRAGANA_END;
}

export const KATAKANA_WORD = /^[\u30A1-\u30FAー]+$/;
export const KANA_ONLY = /^[\u3041-\u3096\u30A1-\u30FAー]*$/;

/**
 * Loanwords written in hiragana ("ぱすわーど") carry the long-vowel mark that native words rarely
 * use: such a word is read as katakana, which the dictionary knows ("パスワード"). The word ends a few
 * letters after its last "ー", before a particle ("ぱすわーどを" → "パスワードを").
 */
export function katakanizeHiraganaLoanwords(text: string): string {
  return text.replace(/[\u3041-\u3096ー]{3,}/g, (run) => {
    const lastMark = run.lastIndexOf('ー');
    if (lastMark <= 0 || !/[\u3041-\u3096]ー/.test(run)) return run;
    let end = lastMark + 1;
    while (end < run.length && end - lastMark <= 3 && !PARTICLES.has(run[end])) end++;
    return toKatakana(run.slice(0, end)) + run.slice(end);
  });
}

const PARTICLES = new Set(['を', 'が', 'は', 'に', 'で', 'と', 'の', 'も', 'へ', 'や', 'か']);

/**
 * JIS Z 8301 lets writers drop a katakana word's final long vowel ("プリンター" / "プリンタ",
 * "サーバー" / "サーバ"): both spellings index as the short one. Short words keep it ("キー", "エラー").
 */
export function normalizeKatakanaWord(word: string): string {
  return word.length >= 4 && KATAKANA_WORD.test(word) && word.endsWith('ー') ? word.slice(0, -1) : word;
}
