import { EntityManager } from 'typeorm';
import { UUID_PATTERN } from '@helpdesk/contracts';

export const INCIDENT_NUMBER_PATTERN = /^INC\d{7,}$/;

export function formatIncidentNumber(n: number | string): string {
  return `INC${String(n).padStart(7, '0')}`;
}

export async function nextIncidentNumber(manager: EntityManager): Promise<string> {
  const rows: Array<{ n: string }> = await manager.query(`SELECT nextval('incident_number_seq') AS n`);
  return formatIncidentNumber(rows[0].n);
}

/** A path id is the UUID or the human number (api.md); anything else cannot exist. */
export function parseIncidentRef(ref: string): { id: string } | { number: string } | null {
  if (UUID_PATTERN.test(ref)) return { id: ref.toLowerCase() };
  const upper = ref.toUpperCase();
  if (INCIDENT_NUMBER_PATTERN.test(upper)) return { number: upper };
  return null;
}
