import { formatPatch, structuredPatch, StructuredPatch } from 'diff';

/** What a version's diff covers: the title (as the first line) and the Markdown body. */
export interface ArticleText {
  title: string;
  body: string;
}

export interface ArticleDiff {
  /** Unified diff (`--- KB0000123.md v1` / `+++ … v2`); empty when title and body are unchanged. */
  patch: string;
  linesAdded: number;
  linesRemoved: number;
}

/** Past this much work a diff gives up and records the change as a whole replacement. */
const DIFF_TIMEOUT_MS = 1000;

export function articleDocument(text: ArticleText): string {
  const body = text.body.endsWith('\n') || text.body === '' ? text.body : `${text.body}\n`;
  return `# ${text.title}\n\n${body}`;
}

/** The unified diff of one version of an article against the one before (null: the first version). */
export function diffArticle(
  number: string,
  before: ArticleText | null,
  after: ArticleText,
  fromVersion: number,
  toVersion: number,
): ArticleDiff {
  const oldText = before ? articleDocument(before) : '';
  const newText = articleDocument(after);
  if (oldText === newText) return { patch: '', linesAdded: 0, linesRemoved: 0 };
  const name = `${number}.md`;
  const oldHeader = before ? `v${fromVersion}` : 'empty';
  const newHeader = `v${toVersion}`;
  const patch =
    structuredPatch(name, name, oldText, newText, oldHeader, newHeader, { context: 3, timeout: DIFF_TIMEOUT_MS }) ??
    wholeReplacement(name, oldText, newText, oldHeader, newHeader);
  let linesAdded = 0;
  let linesRemoved = 0;
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) linesAdded++;
      else if (line.startsWith('-')) linesRemoved++;
    }
  }
  return { patch: formatPatch(patch), linesAdded, linesRemoved };
}

function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

function wholeReplacement(name: string, oldText: string, newText: string, oldHeader: string, newHeader: string): StructuredPatch {
  const removed = lines(oldText);
  const added = lines(newText);
  return {
    oldFileName: name,
    newFileName: name,
    oldHeader,
    newHeader,
    hunks: [
      {
        oldStart: removed.length ? 1 : 0,
        oldLines: removed.length,
        newStart: 1,
        newLines: added.length,
        lines: [...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`)],
      },
    ],
  };
}
