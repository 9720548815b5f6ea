import { UUID_PATTERN } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';

export const CI_NUMBER_PATTERN = /^CI-\d{5,}$/;

export function formatCiNumber(n: number | string): string {
  return `CI-${String(n).padStart(5, '0')}`;
}

export async function nextCiNumber(manager: EntityManager): Promise<string> {
  const rows: Array<{ n: string }> = await manager.query(`SELECT nextval('asset_ci_number_seq') AS n`);
  return formatCiNumber(rows[0].n);
}

export type CiRefKey = { id: string } | { number: string };

/** A path id is the UUID or the CI number (api.md); anything else cannot exist. */
export function parseCiRef(ref: string): CiRefKey | null {
  if (UUID_PATTERN.test(ref)) return { id: ref.toLowerCase() };
  const upper = ref.trim().toUpperCase();
  if (CI_NUMBER_PATTERN.test(upper)) return { number: upper };
  return null;
}
