import { normalizeKatakanaWord } from '../normalization/normalize-text';

/** A word as the analyser first sees it: its term before synonyms, where it is, and whether it is a stop word. */
export interface RawToken {
  term: string;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  stop: boolean;
}

export interface SynonymRule {
  /** The raw terms of the variant, in order ("sign in" → ["sign", "in"]). */
  sequence: readonly string[];
  /**
   * A Japanese variant's normalised text: matched against adjacent words whatever their segmentation
   * (the dictionary reads "サインイン" as one word in one sentence and as "サイン" + "イン" in another).
   */
  surface?: string;
  to: readonly string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  to?: readonly string[];
}

// What may stand between the words of one phrase: nothing ("無線lan"), one space or a hyphen ("wi-fi").
const PHRASE_GAP = /^[\s\-‐–・]?$/;

/** Variants (single words or phrases) → canonical terms, matched longest first over a token sequence. */
export class SynonymRules {
  private readonly root: TrieNode = { next: new Map() };
  private readonly surfaces = new Map<string, readonly string[]>();
  private longestSurface = 0;

  constructor(rules: Iterable<SynonymRule>) {
    for (const rule of rules) {
      if (rule.surface && !this.surfaces.has(rule.surface)) {
        this.surfaces.set(rule.surface, rule.to);
        this.longestSurface = Math.max(this.longestSurface, rule.surface.length);
      }
      if (rule.sequence.length === 0) continue;
      let node = this.root;
      for (const term of rule.sequence) {
        let child = node.next.get(term);
        if (!child) {
          child = { next: new Map() };
          node.next.set(term, child);
        }
        node = child;
      }
      node.to ??= rule.to;
    }
  }

  /** The longest variant starting at tokens[index]: how many tokens it spans and what it becomes. */
  longestMatch(tokens: readonly RawToken[], index: number, text: string): { length: number; to: readonly string[] } | null {
    let node: TrieNode | undefined = this.root;
    let best: { length: number; to: readonly string[] } | null = null;
    for (let i = index; i < tokens.length && node; i++) {
      if (i > index && !PHRASE_GAP.test(text.slice(tokens[i - 1].end, tokens[i].start))) break;
      node = node.next.get(tokens[i].term);
      if (node?.to) best = { length: i - index + 1, to: node.to };
    }
    // Japanese variants by their text, over words written together.
    for (let i = index; i < tokens.length && this.surfaces.size > 0; i++) {
      if (i > index && tokens[i].start !== tokens[i - 1].end) break;
      const surface = text.slice(tokens[index].start, tokens[i].end);
      if (surface.length > this.longestSurface) break;
      const to = this.surfaces.get(surface) ?? this.surfaces.get(normalizeKatakanaWord(surface));
      if (to && (!best || i - index + 1 > best.length)) best = { length: i - index + 1, to };
    }
    return best;
  }
}
