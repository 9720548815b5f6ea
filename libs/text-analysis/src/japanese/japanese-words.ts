import { IpadicFeatures } from 'kuromoji';
import { KANA_ONLY, KATAKANA_WORD, normalizeKatakanaWord, toHiragana, toKatakana } from '../normalization/normalize-text';
import { KuromojiTokenizer } from './kuromoji-loader';

/** One word of a Japanese run, with its offsets in that run. */
export interface JapaneseWord {
  term: string;
  start: number;
  end: number;
  /** A content word (noun, verb, adjective) rather than a particle, auxiliary or symbol. */
  content: boolean;
}

/** Verbs and nouns so general that they say nothing about a problem ("する", "こと", "場合"). */
const JAPANESE_STOP_TERMS: ReadonlySet<string> = new Set([
  'する',
  'できる',
  'ある',
  'いる',
  'なる',
  'おる',
  'くださる',
  'いただく',
  'もらう',
  'くれる',
  'しまう',
  'みる',
  'いく',
  'くる',
  'いう',
  'おもう',
  'ない',
  'よい',
  'いい',
  'こと',
  'もの',
  'ため',
  'よう',
  'とき',
  '時',
  '場合',
  '際',
  '方',
  '中',
  '前',
  '後',
  '今',
  '以上',
  '以下',
  'ところ',
  'それぞれ',
]);

const NON_CONTENT_NOUNS = new Set(['非自立', '代名詞', '数', '接尾', '特殊']);
const NON_CONTENT_PREDICATES = new Set(['非自立', '接尾']);

/**
 * Segments a run of Japanese text and gives each word its index term: nouns in dictionary form
 * (katakana long vowels normalised), verbs and adjectives as the kana reading of their dictionary
 * form so that "繋がらない" and "つながらない" both give "つながる".
 */
export function japaneseWords(tokenizer: KuromojiTokenizer, run: string): JapaneseWord[] {
  const tokens = tokenizer.tokenize(run);
  const words: JapaneseWord[] = [];
  let offset = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const surface = token.surface_form;
    const found = run.indexOf(surface, offset);
    const start = found >= 0 ? found : offset;
    const end = start + surface.length;
    offset = end;

    // A prefix (再, 多, 未 ...) belongs to the noun after it: "再起動" is not "起動".
    const next = tokens[i + 1];
    if (token.pos === '接頭詞' && token.pos_detail_1 === '名詞接続' && next?.pos === '名詞') {
      const nounTerm = nounTermOf(next);
      const nextStart = run.indexOf(next.surface_form, end);
      words.push({
        term: surface + nounTerm,
        start,
        end: (nextStart >= 0 ? nextStart : end) + next.surface_form.length,
        content: true,
      });
      offset = words[words.length - 1].end;
      i++;
      continue;
    }

    if (token.word_type === 'UNKNOWN' && KATAKANA_WORD.test(surface) && surface.length >= 6) {
      const parts = splitKatakanaCompound(tokenizer, surface);
      if (parts) {
        words.push({ term: normalizeKatakanaWord(parts[0]), start, end: start + parts[0].length, content: true });
        words.push({ term: normalizeKatakanaWord(parts[1]), start: start + parts[0].length, end, content: true });
        continue;
      }
    }

    const term = termOf(token);
    words.push({ term, start, end, content: isContentWord(token) && !JAPANESE_STOP_TERMS.has(term) });
  }
  return words;
}

function termOf(token: IpadicFeatures): string {
  if (token.pos === '動詞' || token.pos === '形容詞') return predicateReading(token);
  return nounTermOf(token);
}

function nounTermOf(token: IpadicFeatures): string {
  const form = token.basic_form && token.basic_form !== '*' ? token.basic_form : token.surface_form;
  return normalizeKatakanaWord(form);
}

function isContentWord(token: IpadicFeatures): boolean {
  switch (token.pos) {
    case '名詞':
      return !NON_CONTENT_NOUNS.has(token.pos_detail_1);
    case '動詞':
    case '形容詞':
      return !NON_CONTENT_PREDICATES.has(token.pos_detail_1);
    default:
      return false;
  }
}

/**
 * The hiragana reading of a verb's or adjective's dictionary form, from the reading of the inflected
 * surface: 繋がら (ツナガラ) → 繋がる → つながる. Falls back to the dictionary form when the inflection is
 * not a plain kana ending.
 */
export function predicateReading(token: IpadicFeatures): string {
  const base = token.basic_form && token.basic_form !== '*' ? token.basic_form : token.surface_form;
  if (KANA_ONLY.test(base)) return toHiragana(base);
  if (token.conjugated_type?.startsWith('カ変')) return 'くる';
  const surface = token.surface_form;
  const reading = token.reading;
  if (!reading || reading === '*') return base;
  let common = 0;
  while (common < surface.length && common < base.length && surface[common] === base[common]) common++;
  const surfaceTail = toKatakana(surface.slice(common));
  const baseTail = base.slice(common);
  if (!KANA_ONLY.test(surfaceTail) || !KANA_ONLY.test(baseTail) || !reading.endsWith(surfaceTail)) return base;
  return toHiragana(reading.slice(0, reading.length - surfaceTail.length) + toKatakana(baseTail));
}

/**
 * Splits a katakana compound the dictionary does not know ("フィッシングメール") where one side is a
 * word it knows ("メール"), so that either half finds it.
 */
function splitKatakanaCompound(tokenizer: KuromojiTokenizer, word: string): [string, string] | null {
  const isKnownWord = (part: string) => {
    const tokens = tokenizer.tokenize(part);
    return tokens.length === 1 && tokens[0].word_type === 'KNOWN';
  };
  let best: [string, string] | null = null;
  let bestKnown = 0;
  for (let cut = 3; cut <= word.length - 2; cut++) {
    const left = word.slice(0, cut);
    const right = word.slice(cut);
    if (/^[ーァィゥェォッャュョヮン]/.test(right)) continue;
    const known = (isKnownWord(left) ? left.length : 0) + (isKnownWord(right) ? right.length : 0);
    if (known > bestKnown) {
      best = [left, right];
      bestKnown = known;
    }
  }
  return best;
}
