import { StreamableFile } from '@nestjs/common';
import { defuseFormula, toCsv } from '@helpdesk/csv';

export type CsvValue = string | number | boolean | Date | null | undefined;

/** One column of a report's CSV form: its header and how to read it from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** A report as an RFC 4180 CSV download, UTF-8 with BOM, named after the report and the day. */
export function csvDownload<T>(name: string, columns: readonly CsvColumn<T>[], rows: readonly T[], day: string): StreamableFile {
  const text = toCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => defuseFormula(c.value(row)))),
    { bom: true },
  );
  const body = Buffer.from(text, 'utf8');
  return new StreamableFile(body, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}-${day}.csv"`,
    length: body.length,
  });
}
