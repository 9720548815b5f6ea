/** Excel reads a UTF-8 CSV as UTF-8 (Japanese intact) only with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

/** A cell starting like a formula (=, +, -, @, tab, CR) is run by spreadsheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would run as a formula (=HYPERLINK(…), @SUM…) gets a leading ' so it shows as the
 * text it is (OWASP CSV injection). For cells people typed, in files meant to be opened in Excel.
 */
export function defuseFormula<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Reading back a file we wrote: a defused cell ('=…) is the text it stood for (=…). */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** api.md: CSV when asked with `?format=csv`, or `Accept: text/csv` unless `?format` says otherwise. */
export function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  return (accept ?? '').split(',').some((type) => type.split(';')[0].trim().toLowerCase() === 'text/csv');
}
