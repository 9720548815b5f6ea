import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

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
