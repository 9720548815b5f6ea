import MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** Longest piece of body text a snippet shows; pieces are cut at sentence ends where possible. */
export const MAX_SEGMENT_LENGTH = 160;
/** Short blocks (list items, table cells) are joined with the next until a piece is at least this long. */
const MIN_SEGMENT_LENGTH = 60;

// Raw HTML is not HTML here: as in the rendered article, it is text (and snippets escape it).
const markdown = new MarkdownIt({ html: false, linkify: false });

/**
 * An article body (Markdown) as the plain-text pieces that snippets are cut from: what a reader sees —
 * link texts, image alt texts, code — without Markdown syntax (no `**`, `](url)`, `#`).
 */
export function markdownSegments(body: string): string[] {
  const blocks = markdown
    .parse(body, {})
    .flatMap((token) => blockText(token))
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0);
  return joinShortBlocks(blocks.flatMap(splitLongText));
}

function blockText(token: Token): string[] {
  if (token.type === 'inline') return [inlineText(token.children ?? [])];
  if (token.type === 'fence' || token.type === 'code_block') return [token.content];
  return [];
}

function inlineText(children: Token[]): string {
  return children
    .map((child) => {
      switch (child.type) {
        case 'text':
        case 'code_inline':
          return child.content;
        case 'image':
          return child.content; // the alt text
        case 'softbreak':
        case 'hardbreak':
          return ' ';
        default:
          return '';
      }
    })
    .join('');
}

const SENTENCE_END = /[。！？!?]|\.(?=\s)/g;

/** Splits text longer than MAX_SEGMENT_LENGTH after sentence ends, else hard at the limit. */
function splitLongText(text: string): string[] {
  if (text.length <= MAX_SEGMENT_LENGTH) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > MAX_SEGMENT_LENGTH) {
    let cut = 0;
    for (const match of rest.slice(0, MAX_SEGMENT_LENGTH).matchAll(SENTENCE_END)) cut = match.index + 1;
    if (cut < MIN_SEGMENT_LENGTH) cut = safeCut(rest, MAX_SEGMENT_LENGTH);
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces.filter(Boolean);
}

/** A cut at or before `at` that does not split a surrogate pair, preferring a space. */
function safeCut(text: string, at: number): number {
  const space = text.lastIndexOf(' ', at);
  let cut = space >= MIN_SEGMENT_LENGTH ? space : at;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

function joinShortBlocks(blocks: string[]): string[] {
  const segments: string[] = [];
  for (const block of blocks) {
    const last = segments[segments.length - 1];
    if (last !== undefined && last.length < MIN_SEGMENT_LENGTH && last.length + 1 + block.length <= MAX_SEGMENT_LENGTH) {
      segments[segments.length - 1] = `${last} ${block}`;
    } else {
      segments.push(block);
    }
  }
  return segments;
}
