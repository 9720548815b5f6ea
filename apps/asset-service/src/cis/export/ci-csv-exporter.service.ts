import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttributesRepository } from '../../attributes/attributes.repository';
import { CiListFilter, CisRepository } from '../cis.repository';
import { UTF8_BOM } from '@helpdesk/csv';
import { ciCsvColumns, ciCsvRecord, csvHeader } from './ci-csv';

/** The most rows one export carries (the bound); X-Total-Count tells the whole count. */
export const CSV_EXPORT_MAX_ROWS = 50_000;
const BATCH = 1000;
const CURSOR = 'asset_ci_export';

export interface CiCsvExport {
  /** CIs matching the filter (the CSV holds at most CSV_EXPORT_MAX_ROWS of them). */
  total: number;
  truncated: boolean;
  /** UTF-8 with BOM, header row first, RFC 4180. */
  stream: Readable;
}

/**
 * GET /assets as CSV: every page of the filtered list in list order, streamed in batches through one
 * server-side cursor in a REPEATABLE READ transaction, so CIs changed meanwhile are neither skipped nor
 * repeated, and the list is sorted once.
 */
@Injectable()
export class CiCsvExporter {
  private readonly logger = new Logger(CiCsvExporter.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cis: CisRepository,
    private readonly attributes: AttributesRepository,
  ) {}

  async export(filter: CiListFilter): Promise<CiCsvExport> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      try {
        await runner.rollbackTransaction();
      } finally {
        await runner.release();
      }
    };
    try {
      await runner.startTransaction('REPEATABLE READ');
      const manager = runner.manager;
      const total = await this.cis.count(filter, manager);
      const definitions = (await this.attributes.all(manager)).filter((d) => !filter.type || d.ciType === filter.type);
      const columns = ciCsvColumns([...new Set(definitions.map((d) => d.key))]);
      await this.cis.openListCursor(manager, CURSOR, filter, CSV_EXPORT_MAX_ROWS);
      const cis = this.cis;
      async function* lines(): AsyncGenerator<string> {
        try {
          yield UTF8_BOM + csvHeader(columns);
          for (;;) {
            const batch = await cis.fetchFromCursor(manager, CURSOR, BATCH);
            if (!batch.length) break;
            yield batch.map((ci) => ciCsvRecord(columns, ci)).join('');
          }
        } finally {
          await release();
        }
      }
      const stream = Readable.from(lines(), { objectMode: false });
      // Also when the client goes away before the first read (the generator's finally never runs then).
      stream.once(
        'close',
        () => void release().catch((e) => this.logger.warn(`CSV export: releasing the connection: ${String(e)}`)),
      );
      return { total, truncated: total > CSV_EXPORT_MAX_ROWS, stream };
    } catch (e) {
      await release().catch(() => undefined);
      throw e;
    }
  }
}
