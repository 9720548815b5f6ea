import { CsvProblem } from '@helpdesk/csv';

/**
 * The columns of an asset import file: the CI fields by name, `licence` and `assignedTo` (references
 * resolved by the import), and `attr.<key>` for custom attributes. Header names match exactly but
 * case-insensitively (`AssetTag` is assetTag, `asset_tag` is no column).
 */

export const IMPORT_FIELD_COLUMNS = [
  'type',
  'name',
  'state',
  'assetTag',
  'serialNumber',
  'model',
  'manufacturer',
  'purchaseDate',
  'purchaseCost',
  'warrantyEnd',
  'location',
  'os',
  'ipAddress',
  'macAddress',
  'seatsOwned',
  'licenceExpiresOn',
  'licence',
  'assignedTo',
] as const;
export type ImportFieldColumn = (typeof IMPORT_FIELD_COLUMNS)[number];

/** Every file needs these two; the rest are optional. */
export const REQUIRED_IMPORT_COLUMNS: readonly ImportFieldColumn[] = ['type', 'name'];

// The export names custom attribute columns the same way, so its files read back.
import { ATTRIBUTE_COLUMN_PREFIX } from '../cis/export/ci-csv';
export { ATTRIBUTE_COLUMN_PREFIX };

/** A header cell understood: a field column, or a custom attribute by key. */
export type ImportColumn = { kind: 'field'; name: ImportFieldColumn } | { kind: 'attribute'; key: string };

export interface ImportHeader {
  /** By the header cell as written in the file. */
  columns: Map<string, ImportColumn>;
  /** Canonical column name (`assetTag`, `attr.cpu`) → as written in the file, for naming problems. */
  written: Map<string, string>;
}

/** The list export's names for the reference columns, so an exported file reads back. */
const EXPORT_ALIASES: ReadonlyArray<[string, ImportFieldColumn]> = [
  ['licenceid', 'licence'],
  ['assignedtoid', 'assignedTo'],
];

/** Columns the list export writes that a new CI cannot take (the CMDB sets them): read past, not refused. */
export const EXPORT_ONLY_COLUMNS: ReadonlySet<string> = new Set([
  'number',
  'id',
  'version',
  'createdat',
  'updatedat',
  'assignedtoname',
  'department',
  'assignedat',
]);

const FIELD_BY_LOWER = new Map<string, ImportFieldColumn>([
  ...IMPORT_FIELD_COLUMNS.map((c) => [c.toLowerCase(), c] as [string, ImportFieldColumn]),
  ...EXPORT_ALIASES,
]);

export function canonicalName(column: ImportColumn): string {
  return column.kind === 'field' ? column.name : `${ATTRIBUTE_COLUMN_PREFIX}${column.key}`;
}

/**
 * Reads the header (as the CSV parser trimmed it). `attributeKeys` are the keys defined for any CI type:
 * `attr.<key>` names one of them, whichever types a row has. Problems are on row 1, one per bad cell.
 */
export function mapImportHeader(
  header: readonly string[],
  attributeKeys: ReadonlySet<string>,
): { header: ImportHeader; problems: CsvProblem[] } {
  const columns = new Map<string, ImportColumn>();
  const written = new Map<string, string>();
  const problems: CsvProblem[] = [];
  for (const cell of header) {
    const lower = cell.toLowerCase();
    if (EXPORT_ONLY_COLUMNS.has(lower)) continue;
    let column: ImportColumn | null = null;
    const field = FIELD_BY_LOWER.get(lower);
    if (field) column = { kind: 'field', name: field };
    else if (lower.startsWith(ATTRIBUTE_COLUMN_PREFIX) && attributeKeys.has(lower.slice(ATTRIBUTE_COLUMN_PREFIX.length))) {
      column = { kind: 'attribute', key: lower.slice(ATTRIBUTE_COLUMN_PREFIX.length) };
    }
    if (!column) {
      problems.push({ row: 1, field: cell, reason: unknownColumnReason(lower) });
      continue;
    }
    const name = canonicalName(column);
    const earlier = written.get(name);
    if (earlier !== undefined) {
      problems.push({ row: 1, field: cell, reason: `names the same column as ${earlier} (header names are case-insensitive)` });
      continue;
    }
    columns.set(cell, column);
    written.set(name, cell);
  }
  for (const required of REQUIRED_IMPORT_COLUMNS) {
    if (!written.has(required) && !problems.some((p) => p.field?.toLowerCase() === required.toLowerCase())) {
      problems.push({ row: 1, field: required, reason: 'Required column is missing from the header' });
    }
  }
  return { header: { columns, written }, problems };
}

function unknownColumnReason(lower: string): string {
  if (lower.startsWith(ATTRIBUTE_COLUMN_PREFIX)) {
    return 'is not a custom attribute of any CI type (define it first: POST /assets/types/{type}/attributes)';
  }
  return `is not a column of the asset import; columns: ${IMPORT_FIELD_COLUMNS.join(', ')}, attr.<key>`;
}

/**
 * The column a validation problem of a CI field is about (`purchaseDate` → purchaseDate, `licenceId` →
 * licence, `attributes.cpu` → attr.cpu), as written in the file when it has that column.
 */
export function columnOfField(field: string, header: ImportHeader): string {
  let name: string;
  if (field === 'licenceId') name = 'licence';
  else if (field === 'assignedToId') name = 'assignedTo';
  else if (field.startsWith('attributes.')) name = `${ATTRIBUTE_COLUMN_PREFIX}${field.slice('attributes.'.length)}`;
  else if (field === 'attributes') name = 'attr';
  else name = field;
  return header.written.get(name) ?? name;
}
