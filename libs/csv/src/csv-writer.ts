/**
 * RFC 4180 CSV writing: CRLF line ends, fields quoted when they hold a comma, a quote, a line break or
 * leading/trailing space (inner quotes doubled), everything else as is. Unicode passes through unchanged
 * (the caller sends UTF-8); `bom` prefixes a byte order mark so spreadsheet programs read it as UTF-8.
 */

export interface ToCsvOptions {
  /** Start with U+FEFF (Excel then opens Japanese text correctly). Default false. */
  bom?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One value as a CSV field: null and undefined → empty, Date → ISO 8601, other objects → JSON, the rest
 * as String() gives them.
 */
export function toCsvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF line end (for writing a large export row by row). */
export function toCsvRow(values: readonly unknown[]): string {
  return `${values.map(toCsvField).join(',')}\r\n`;
}

/** A whole CSV text: the header row, then one record per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], options: ToCsvOptions = {}): string {
  let out = options.bom ? '\uFEFF' : '';
  out += toCsvRow(header);
  for (const row of rows) out += toCsvRow(row);
  return out;
}
