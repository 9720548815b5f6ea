import { defuseFormula, toCsvRow } from '@helpdesk/csv';
import { CI_FIELDS } from '../domain/ci-type-rules';
import { CiEntity } from '../entities/ci.entity';

/** Custom attribute columns, named as the CSV import reads them. */
export const ATTRIBUTE_COLUMN_PREFIX = 'attr.';

export interface CiCsvColumn {
  header: string;
  value: (ci: CiEntity) => unknown;
  /** Free text a person typed: text values are defused (defuseFormula). */
  text: boolean;
}

const TEXT_FIELDS = new Set<string>(['name', 'assetTag', 'serialNumber', 'model', 'manufacturer', 'location', 'os']);

/**
 * The export's columns: the CI's number, type, name and state, every built-in field under its API name, the
 * assignment, one `attr.<key>` column per custom attribute key, then id, version and times.
 */
export function ciCsvColumns(attributeKeys: readonly string[]): CiCsvColumn[] {
  const field = (name: keyof CiEntity): CiCsvColumn => ({ header: name, value: (ci) => ci[name], text: TEXT_FIELDS.has(name) });
  return [
    field('number'),
    field('type'),
    field('name'),
    field('state'),
    ...CI_FIELDS.map(field),
    field('assignedToId'),
    { ...field('assignedToName'), text: true },
    { ...field('department'), text: true },
    field('assignedAt'),
    ...attributeKeys.map((key) => ({
      header: `${ATTRIBUTE_COLUMN_PREFIX}${key}`,
      value: (ci: CiEntity) => ci.attributes?.[key],
      text: true,
    })),
    field('id'),
    field('version'),
    field('createdAt'),
    field('updatedAt'),
  ];
}

/** The header row (RFC 4180, CRLF). */
export function csvHeader(columns: readonly CiCsvColumn[]): string {
  return toCsvRow(columns.map((c) => c.header));
}

/** One CI as a CSV record (RFC 4180, CRLF). */
export function ciCsvRecord(columns: readonly CiCsvColumn[], ci: CiEntity): string {
  return toCsvRow(columns.map((c) => (c.text ? defuseFormula(c.value(ci)) : c.value(ci))));
}
