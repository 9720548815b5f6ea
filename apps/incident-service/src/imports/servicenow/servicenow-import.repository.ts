import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ExistingIncidentKey {
  number: string;
  source: string;
  externalKey: string | null;
}

/** Queries of the ServiceNow import beyond the incident core's repository: the live number sequence, bulk lookups. */
@Injectable()
export class ServiceNowImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Moves the live incident number sequence past `largest`, so live numbering never hands out a number
   * the file uses (the sequence starts at 1000 and the file's numbers run from INC0000045). Never moves it back.
   */
  async raiseIncidentNumberSequence(largest: number): Promise<void> {
    if (largest <= 0) return;
    await this.dataSource.query(
      `SELECT setval('incident_number_seq', $1::bigint)
         FROM incident_number_seq
        WHERE (CASE WHEN is_called THEN last_value ELSE last_value - 1 END) < $1::bigint`,
      [largest],
    );
  }

  /**
   * The incident already imported under this external key, else the one holding this number (one query for
   * the two checks before each import).
   */
  async findHolder(
    manager: EntityManager,
    source: string,
    number: string,
    externalKey: string,
  ): Promise<(ExistingIncidentKey & { id: string }) | null> {
    const rows: Array<{ id: string; number: string; source: string; external_key: string | null }> = await manager.query(
      `SELECT id, number, source, external_key FROM incident
        WHERE (source = $1 AND external_key = $2) OR number = $3
        ORDER BY (source = $1 AND external_key = $2) DESC
        LIMIT 1`,
      [source, externalKey, number],
    );
    const row = rows[0];
    return row ? { id: row.id, number: row.number, source: row.source, externalKey: row.external_key } : null;
  }

  /** Incidents that already hold one of these numbers or external keys (for a dry run's counts). */
  async findExisting(source: string, numbers: string[], externalKeys: string[]): Promise<ExistingIncidentKey[]> {
    if (numbers.length === 0 && externalKeys.length === 0) return [];
    const rows: Array<{ number: string; source: string; external_key: string | null }> = await this.dataSource.query(
      `SELECT number, source, external_key FROM incident
        WHERE number = ANY($1::text[]) OR (source = $2 AND external_key = ANY($3::text[]))`,
      [numbers, source, externalKeys],
    );
    return rows.map((r) => ({ number: r.number, source: r.source, externalKey: r.external_key }));
  }
}
