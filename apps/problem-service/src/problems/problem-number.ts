import { UUID_PATTERN } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';

export const PROBLEM_NUMBER_PATTERN = /^PRB\d{7,}$/;

export function formatProblemNumber(n: number | string): string {
  return `PRB${String(n).padStart(7, '0')}`;
}

export async function nextProblemNumber(manager: EntityManager): Promise<string> {
  const rows: Array<{ n: string }> = await manager.query(`SELECT nextval('problem_number_seq') AS n`);
  return formatProblemNumber(rows[0].n);
}

export type ProblemRefKey = { id: string } | { number: string };

/** A path id is the UUID or the PRB number (api.md); anything else cannot exist. */
export function parseProblemRef(ref: string): ProblemRefKey | null {
  if (UUID_PATTERN.test(ref)) return { id: ref.toLowerCase() };
  const upper = ref.trim().toUpperCase();
  if (PROBLEM_NUMBER_PATTERN.test(upper)) return { number: upper };
  return null;
}
