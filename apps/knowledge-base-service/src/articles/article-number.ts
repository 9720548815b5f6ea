import { UUID_PATTERN } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';

export const ARTICLE_NUMBER_PATTERN = /^KB\d{7,}$/;

export function formatArticleNumber(n: number | string): string {
  return `KB${String(n).padStart(7, '0')}`;
}

export async function nextArticleNumber(manager: EntityManager): Promise<string> {
  const rows: Array<{ n: string }> = await manager.query(`SELECT nextval('kb_article_number_seq') AS n`);
  return formatArticleNumber(rows[0].n);
}

export type ArticleRef = { id: string } | { number: string };

/** A path id is the UUID or the KB number (api.md); anything else cannot exist. */
export function parseArticleRef(ref: string): ArticleRef | null {
  if (UUID_PATTERN.test(ref)) return { id: ref.toLowerCase() };
  const upper = ref.toUpperCase();
  if (ARTICLE_NUMBER_PATTERN.test(upper)) return { number: upper };
  return null;
}
