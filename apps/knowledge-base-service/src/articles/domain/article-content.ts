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

// One rule for every service that guesses a language (problems, incidents, articles).
export { detectLanguage } from '@helpdesk/text-analysis';
