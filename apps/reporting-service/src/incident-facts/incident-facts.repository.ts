import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IncidentFact } from './domain/incident-fact';

/** incident_fact's columns in the order of FACT_FIELDS (snake_case of each field). */
const FACT_FIELDS: ReadonlyArray<keyof IncidentFact> = [
  'incidentId',
  'number',
  'incidentVersion',
  'source',
  'state',
  'channel',
  'category',
  'subcategory',
  'firstLevelResolvable',
  'priority',
  'ciId',
  'groupId',
  'groupName',
  'groupTier',
  'assigneeId',
  'assigneeName',
  'callerId',
  'openedById',
  'resolvedById',
  'openedAt',
  'firstResponseAt',
  'resolvedAt',
  'closedAt',
  'cancelledAt',
  'reassignmentCount',
  'reopenCount',
  'everHeld',
  'firstContactClaimed',
  'csatRating',
  'csatAt',
  'firstContactResolved',
  'firstLevelResolved',
  'reopened',
  'resolutionCalendarMs',
  'resolutionBusinessMs',
  'responseMs',
  'responseSlaMet',
  'resolutionSlaMet',
  'verdictInputs',
  'lastEventAt',
];

const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLUMNS = FACT_FIELDS.map(column);
const DATE_FIELDS = new Set<keyof IncidentFact>([
  'openedAt',
  'firstResponseAt',
  'resolvedAt',
  'closedAt',
  'cancelledAt',
  'csatAt',
  'lastEventAt',
]);
const BIGINT_FIELDS = new Set<keyof IncidentFact>(['resolutionCalendarMs', 'resolutionBusinessMs', 'responseMs']);

const UPSERT = `
  INSERT INTO incident_fact (${COLUMNS.join(', ')}, projected_at)
  VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}, now())
  ON CONFLICT (incident_id) DO UPDATE SET
  ${COLUMNS.slice(1)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ')}, projected_at = now()`;

/** incident_fact, read and written inside the consumer's inbox transaction. */
@Injectable()
export class IncidentFactsRepository {
  async findForUpdate(manager: EntityManager, incidentId: string): Promise<IncidentFact | null> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${COLUMNS.join(', ')} FROM incident_fact WHERE incident_id = $1 FOR UPDATE`,
      [incidentId],
    );
    return rows[0] ? toFact(rows[0]) : null;
  }

  async save(manager: EntityManager, fact: IncidentFact): Promise<void> {
    await manager.query(
      UPSERT,
      FACT_FIELDS.map((f) => (f === 'verdictInputs' ? JSON.stringify(fact[f]) : fact[f])),
    );
  }
}

function toFact(row: Record<string, unknown>): IncidentFact {
  const fact: Record<string, unknown> = {};
  FACT_FIELDS.forEach((field, i) => {
    const value = row[COLUMNS[i]];
    if (value === null || value === undefined) fact[field] = null;
    else if (DATE_FIELDS.has(field)) fact[field] = value instanceof Date ? value : new Date(String(value));
    else if (BIGINT_FIELDS.has(field)) fact[field] = Number(value);
    else fact[field] = value;
  });
  return fact as unknown as IncidentFact;
}
