import { CsvParser, CsvParserOptions, CsvParseResult, CsvProblem, CsvRecord, readCsv } from '@helpdesk/csv';

/**
 * The ServiceNow incident event log export read with the generic RFC 4180 parser of @helpdesk/csv (quoting,
 * line ends, BOM, UTF-8 chunks, problems by row and column); what is ServiceNow's own is the columns the
 * import needs, which the parser requires by default here.
 */

/** One problem found while importing, located by row (header = row 1) and, when known, column. */
export type ServiceNowImportProblem = CsvProblem;

/** One data record of the export: its row number and its values keyed by header name (raw text, untrimmed). */
export type ServiceNowCsvRecord = CsvRecord;

/** The columns the import needs; the export's other columns (active, notify, rfc, vendor, …) are optional. */
export const SERVICENOW_REQUIRED_COLUMNS = [
  'number',
  'incident_state',
  'reassignment_count',
  'reopen_count',
  'sys_mod_count',
  'made_sla',
  'caller_id',
  'opened_by',
  'opened_at',
  'sys_updated_by',
  'sys_updated_at',
  'contact_type',
  'location',
  'category',
  'subcategory',
  'u_symptom',
  'cmdb_ci',
  'impact',
  'urgency',
  'priority',
  'assignment_group',
  'assigned_to',
  'knowledge',
  'problem_id',
  'closed_code',
  'resolved_by',
  'resolved_at',
  'closed_at',
] as const;

export interface ServiceNowCsvParserOptions extends CsvParserOptions {
  /** Header names that must be present; default SERVICENOW_REQUIRED_COLUMNS. */
  requiredColumns?: readonly string[];
}

export type ServiceNowCsvParseResult = CsvParseResult;

/** The generic incremental CSV parser, requiring the ServiceNow columns unless told otherwise. */
export class ServiceNowCsvParser extends CsvParser {
  constructor(options: ServiceNowCsvParserOptions = {}) {
    super({ ...options, requiredColumns: options.requiredColumns ?? SERVICENOW_REQUIRED_COLUMNS });
  }
}

/** Parses a whole export text. */
export function parseServiceNowCsv(text: string, options?: ServiceNowCsvParserOptions): ServiceNowCsvParseResult {
  const parser = new ServiceNowCsvParser(options);
  const records = parser.write(text);
  for (const record of parser.end()) records.push(record);
  return { header: parser.header, records, problems: parser.problems, problemCount: parser.problemCount };
}

/**
 * Parses a streamed upload (a Node readable stream is an AsyncIterable of Buffers), yielding records as
 * they complete; read `parser.problems` once the iteration is over.
 */
export function readServiceNowCsv(
  source: AsyncIterable<string | Uint8Array>,
  parser: ServiceNowCsvParser = new ServiceNowCsvParser(),
): AsyncGenerator<ServiceNowCsvRecord> {
  return readCsv(source, parser);
}
