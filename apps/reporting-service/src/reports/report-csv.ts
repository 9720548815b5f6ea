import { StreamableFile } from '@nestjs/common';
import { defuseFormula, toCsv } from '@helpdesk/csv';
import { FigureDefinition, REPORT_FIGURES, SUMMARY_FIGURES } from './domain/report-figures';
import { formatLocalDate, localDateTimeAt } from './domain/zoned-time';
import { ReportFigures, ReportResult } from './report-query';

export function reportFigureDefinitions(report: ReportResult['report']): readonly FigureDefinition[] {
  return report === 'summary' ? SUMMARY_FIGURES : REPORT_FIGURES[report];
}

/** `<report>-<from>-<to>.csv`, the dates local to the report's zone (to: the excluded end). */
export function reportCsvFileName(result: Pick<ReportResult, 'report' | 'from' | 'to' | 'timeZone'>): string {
  const day = (iso: string) => formatLocalDate(localDateTimeAt(new Date(iso), result.timeZone));
  return `${result.report}-${day(result.from)}-${day(result.to)}.csv`;
}

/**
 * The report as CSV text: key, label and the figures in their documented order; one record per row, then
 * the total (key `total`). UTF-8 with BOM (Excel shows Japanese names intact); typed text is defused.
 */
export function reportCsvText(result: ReportResult): string {
  const figures = reportFigureDefinitions(result.report);
  const record = (key: string | null, label: string | null, values: ReportFigures) => [
    defuseFormula(key),
    defuseFormula(label),
    ...figures.map((f) => values[f.name] ?? null),
  ];
  return toCsv(
    ['key', 'label', ...figures.map((f) => f.name)],
    [...result.rows.map((r) => record(r.key, r.label, r)), record('total', null, result.total)],
    { bom: true },
  );
}

export function reportCsvDownload(result: ReportResult): StreamableFile {
  const body = Buffer.from(reportCsvText(result), 'utf8');
  return new StreamableFile(body, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${reportCsvFileName(result)}"`,
    length: body.length,
  });
}
