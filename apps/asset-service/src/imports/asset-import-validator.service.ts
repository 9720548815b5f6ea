import { Injectable } from '@nestjs/common';
import { UUID_PATTERN } from '@helpdesk/contracts';
import { CsvParser, CsvProblem, CsvRecord, restoreFormula, yieldingChunks } from '@helpdesk/csv';
import { EntityManager } from 'typeorm';
import { columnOfField, ImportHeader, mapImportHeader } from './asset-import-columns';
import { AssetImportLookupsRepository, ImportReferences } from './asset-import-lookups.repository';
import { ciReferenceKey, ImportRow, isCiReference, PlannedCi, planImportRows } from './asset-import-rows';
import { AssetImportProblem } from './asset-import-job.entity';

/** Problems listed (in a dry run, a 400, a job); all are counted. A real file has far fewer; garbage is capped. */
export const MAX_LISTED_PROBLEMS = 10_000;

/** What checking a whole file found. */
export interface AssetImportCheck {
  /** The file cannot be read as an import at all (empty, bad header, no data rows): refused with 400 even in a dry run. */
  fileProblems: AssetImportProblem[];
  /** Data rows (blank lines not counted). */
  rowCount: number;
  /** Every problem of the rows by row, each naming its column as the file writes it (null: the whole row). */
  problems: AssetImportProblem[];
  problemCount: number;
  /** Rows with at least one problem. */
  invalidRows: number;
  /** The CIs to create, in file order; complete only when there is no problem. */
  planned: PlannedCi[];
}

/**
 * Checks a whole import file: CSV structure (RFC 4180, UTF-8), the header, then every row with the CI rules
 * and against the CMDB. Reads only: the dry run, the upload and the job (again, inside its transaction,
 * since the CMDB may have changed since the upload) all call it.
 */
@Injectable()
export class AssetImportValidator {
  constructor(private readonly lookups: AssetImportLookupsRepository) {}

  async check(content: Buffer | string, manager?: EntityManager): Promise<AssetImportCheck> {
    const parser = new CsvParser({ maxProblems: MAX_LISTED_PROBLEMS });
    const records: CsvRecord[] = [];
    if (typeof content === 'string') records.push(...parser.write(content));
    else for await (const chunk of yieldingChunks(content)) records.push(...parser.write(chunk));
    records.push(...parser.end());

    const headerProblems = parser.problems.filter((p) => p.row === 1);
    const rowStructureProblems = parser.problems.filter((p) => p.row > 1);
    const none = { rowCount: 0, problems: [], problemCount: 0, invalidRows: 0, planned: [] };
    if (headerProblems.length > 0 || !parser.header) return { ...none, fileProblems: headerProblems.map(toProblem) };

    const mapped = mapImportHeader(parser.header, await this.lookups.attributeKeys(manager));
    if (mapped.problems.length > 0) return { ...none, fileProblems: mapped.problems.map(toProblem) };

    const rows = records.map((record) => toImportRow(record, mapped.header));
    const rowCount = rows.length + new Set(rowStructureProblems.map((p) => p.row)).size;
    if (rowCount === 0)
      return { ...none, fileProblems: [{ row: 1, field: null, reason: 'The file has a header but no data rows' }] };

    const lookups = await this.lookups.load(referencesOf(rows), manager);
    const plan = planImportRows(rows, lookups);
    const problems = [
      ...rowStructureProblems.map(toProblem),
      ...plan.problems.map((p) => ({ row: p.row, field: columnOfField(p.field, mapped.header), reason: p.reason })),
    ].sort((a, b) => a.row - b.row);
    const parserOverflow = parser.problemCount - parser.problems.length;
    return {
      fileProblems: [],
      rowCount,
      problems: problems.slice(0, MAX_LISTED_PROBLEMS),
      problemCount: problems.length + parserOverflow,
      invalidRows: new Set(problems.map((p) => p.row)).size,
      planned: plan.planned,
    };
  }
}

function toProblem(p: CsvProblem): AssetImportProblem {
  return { row: p.row, field: p.field ?? null, reason: p.reason };
}

function toImportRow(record: CsvRecord, header: ImportHeader): ImportRow {
  const row: ImportRow = { row: record.row, fields: {}, attributes: {} };
  for (const [cell, text] of Object.entries(record.values)) {
    const column = header.columns.get(cell);
    // Our own export defuses formula-like text ('=…); reading it back restores the text.
    const value = restoreFormula(text);
    if (column?.kind === 'field') row.fields[column.name] = value;
    else if (column?.kind === 'attribute') row.attributes[column.key] = value;
  }
  return row;
}

function referencesOf(rows: readonly ImportRow[]): ImportReferences {
  const refs: ImportReferences = {
    ciRefs: new Set(),
    personIds: new Set(),
    emails: new Set(),
    assetTags: new Set(),
    serials: new Set(),
  };
  for (const { fields } of rows) {
    const licence = fields.licence?.trim();
    if (licence && isCiReference(licence)) refs.ciRefs.add(ciReferenceKey(licence));
    const person = fields.assignedTo?.trim();
    if (person && UUID_PATTERN.test(person)) refs.personIds.add(person.toLowerCase());
    else if (person?.includes('@')) refs.emails.add(person.toLowerCase());
    const tag = fields.assetTag?.trim();
    if (tag) refs.assetTags.add(tag);
    const serial = fields.serialNumber?.trim();
    if (serial) refs.serials.add(serial);
  }
  return refs;
}
