import { TextDecoder } from 'node:util';

/**
 * RFC 4180 CSV parser: quoted fields (with commas, line breaks and doubled quotes inside), CRLF, LF or
 * lone CR line ends, an optional UTF-8 byte order mark. It works on a whole string or incrementally on
 * chunks (strings or bytes) of a streamed upload, and keys each data record by the header row.
 * Structural problems never throw: they are collected as `{ row, field?, reason }` entries and the
 * offending record is left out.
 *
 * Row numbers count CSV records with the header as row 1, so the first data record is row 2 (the line
 * number in the file when no field holds a line break). Blank lines count as rows but yield no record.
 */

/** One problem found in a CSV file, located by row (header = row 1) and, when known, column. */
export interface CsvProblem {
  row: number;
  field?: string;
  reason: string;
}

/** One data record of the CSV: its row number and its values keyed by header name (raw text, untrimmed). */
export interface CsvRecord {
  row: number;
  values: Record<string, string>;
}

export interface CsvParserOptions {
  /** Header names that must be present (exact, after trimming); default none. */
  requiredColumns?: readonly string[];
  /** Problems kept in `problems` (a garbage 100 MB upload must not exhaust memory); default 1000. */
  maxProblems?: number;
}

export interface CsvParseResult {
  header: string[] | null;
  records: CsvRecord[];
  problems: CsvProblem[];
  /** All problems found, including those beyond `maxProblems`. */
  problemCount: number;
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just read a quote inside a quoted field: either an escaped quote or the closing one. */
const QUOTE_IN_QUOTED = 3;
/** Just ended a record on CR: a following LF belongs to the same line end. */
const AFTER_CR = 4;
type Mode = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_IN_QUOTED | typeof AFTER_CR;

/**
 * Incremental parser: `write()` each chunk as it arrives and `end()` once, each returning the records
 * completed so far; `problems` holds what was wrong. One instance parses one file.
 */
export class CsvParser {
  private readonly requiredColumns: readonly string[];
  private readonly maxProblems: number;
  private readonly collected: CsvProblem[] = [];
  private totalProblems = 0;

  private mode: Mode = FIELD_START;
  private field = '';
  private fields: string[] = [];
  private recordQuoted = false;
  private recordError: string | null = null;
  private rowNumber = 0;
  private atStart = true;
  private decoder: TextDecoder | null = null;
  /** The bytes of a character the last chunk began but did not finish (the decoder holds them too). */
  private pendingBytes: Uint8Array = new Uint8Array(0);
  private failed = false;
  private ended = false;

  private columns: string[] | null = null;
  private headerUsable = false;

  constructor(options: CsvParserOptions = {}) {
    this.requiredColumns = options.requiredColumns ?? [];
    this.maxProblems = options.maxProblems ?? 1000;
  }

  /** The header names, once the header row has been read. */
  get header(): string[] | null {
    return this.columns ? [...this.columns] : null;
  }

  get problems(): CsvProblem[] {
    return [...this.collected];
  }

  get problemCount(): number {
    return this.totalProblems;
  }

  /** Rows read so far (header and blank lines included). */
  get rowsRead(): number {
    return this.rowNumber;
  }

  write(chunk: string | Uint8Array): CsvRecord[] {
    if (this.ended) throw new Error('CsvParser: write() after end()');
    const out: CsvRecord[] = [];
    if (this.failed) return out;
    if (typeof chunk === 'string') this.consume(chunk, out);
    else this.decodeInto(chunk, true, out);
    return out;
  }

  end(): CsvRecord[] {
    if (this.ended) return [];
    const out: CsvRecord[] = [];
    if (!this.failed && this.decoder) this.decodeInto(new Uint8Array(0), false, out);
    this.ended = true;
    if (this.failed) return out;
    if (this.mode === QUOTED) {
      this.report({ row: this.rowNumber + 1, reason: 'Unterminated quoted field: a quote was opened and never closed' });
    } else if (this.mode === UNQUOTED || this.mode === QUOTE_IN_QUOTED || this.fields.length > 0) {
      this.endField();
      this.endRecord(out);
    }
    if (!this.columns) this.report({ row: 1, reason: 'The file is empty: no header row' });
    return out;
  }

  private decodeInto(bytes: Uint8Array, stream: boolean, out: CsvRecord[]): void {
    // TextDecoder keeps a multi-byte character split across chunks and drops a leading BOM.
    this.decoder ??= new TextDecoder('utf-8', { fatal: true });
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream });
    } catch {
      // Read on up to the first invalid byte, so that the problem names the row it is on, not the chunk's first.
      this.failed = true;
      this.consume(validUtf8Prefix(concatBytes(this.pendingBytes, bytes)), out);
      this.report({ row: this.rowNumber + 1, reason: 'The file is not valid UTF-8; parsing stopped' });
      return;
    }
    this.pendingBytes = stream ? incompleteUtf8Tail(this.pendingBytes, bytes) : new Uint8Array(0);
    if (text) this.consume(text, out);
  }

  private consume(text: string, out: CsvRecord[]): void {
    const n = text.length;
    let i = 0;
    if (this.atStart && n > 0) {
      this.atStart = false;
      if (text.charCodeAt(0) === BOM) i = 1;
    }
    while (i < n) {
      switch (this.mode) {
        case AFTER_CR:
          if (text.charCodeAt(i) === LF) i++;
          this.mode = FIELD_START;
          break;
        case FIELD_START:
          if (text.charCodeAt(i) === QUOTE) {
            this.mode = QUOTED;
            this.recordQuoted = true;
            i++;
          } else {
            this.mode = UNQUOTED;
          }
          break;
        case UNQUOTED: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = text.charCodeAt(j);
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
            j++;
          }
          if (j > i) this.field += text.slice(i, j);
          if (j === n) {
            i = n;
          } else if (c === QUOTE) {
            this.recordError ??= 'A quote inside an unquoted field (quote the whole field and double inner quotes)';
            this.field += '"';
            i = j + 1;
          } else {
            i = this.endFieldAt(c, j + 1, out);
          }
          break;
        }
        case QUOTED: {
          const j = text.indexOf('"', i);
          if (j === -1) {
            this.field += text.slice(i);
            i = n;
          } else {
            this.field += text.slice(i, j);
            this.mode = QUOTE_IN_QUOTED;
            i = j + 1;
          }
          break;
        }
        case QUOTE_IN_QUOTED: {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.mode = QUOTED;
            i++;
          } else if (c === COMMA || c === LF || c === CR) {
            i = this.endFieldAt(c, i + 1, out);
          } else {
            this.recordError ??= 'Unexpected text after the closing quote of a field';
            this.mode = UNQUOTED;
          }
          break;
        }
      }
    }
  }

  /** Ends the current field on a delimiter `c` (comma or line end); returns where to continue. */
  private endFieldAt(c: number, next: number, out: CsvRecord[]): number {
    this.endField();
    if (c === COMMA) {
      this.mode = FIELD_START;
    } else {
      this.endRecord(out);
      this.mode = c === CR ? AFTER_CR : FIELD_START;
    }
    return next;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  private endRecord(out: CsvRecord[]): void {
    const fields = this.fields;
    const quoted = this.recordQuoted;
    const error = this.recordError;
    this.fields = [];
    this.recordQuoted = false;
    this.recordError = null;
    this.rowNumber++;
    const row = this.rowNumber;
    if (fields.length === 1 && fields[0] === '' && !quoted && !error) return; // a blank line
    if (!this.columns) {
      this.readHeader(fields, error);
      return;
    }
    if (!this.headerUsable) return;
    if (error) {
      this.report({ row, reason: error });
      return;
    }
    if (fields.length !== this.columns.length) {
      this.report({ row, reason: `Expected ${this.columns.length} fields as in the header, found ${fields.length}` });
      return;
    }
    const values: Record<string, string> = {};
    for (let k = 0; k < fields.length; k++) values[this.columns[k]] = fields[k];
    out.push({ row, values });
  }

  private readHeader(fields: string[], error: string | null): void {
    this.columns = fields.map((f) => f.trim());
    this.headerUsable = true;
    if (error) {
      this.report({ row: 1, reason: `Header row: ${error}` });
      this.headerUsable = false;
    }
    const seen = new Set<string>();
    for (const name of this.columns) {
      if (name === '') {
        this.report({ row: 1, reason: 'Header row: a column has no name' });
        this.headerUsable = false;
      } else if (seen.has(name)) {
        this.report({ row: 1, field: name, reason: 'Header row: duplicate column' });
        this.headerUsable = false;
      }
      seen.add(name);
    }
    for (const name of this.requiredColumns) {
      if (!seen.has(name)) {
        this.report({ row: 1, field: name, reason: 'Required column is missing from the header' });
        this.headerUsable = false;
      }
    }
  }

  private report(problem: CsvProblem): void {
    this.totalProblems++;
    if (this.collected.length < this.maxProblems) this.collected.push(problem);
  }
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The last bytes of `pending` + `bytes` that start a UTF-8 character not complete yet (at most 3). */
function incompleteUtf8Tail(pending: Uint8Array, bytes: Uint8Array): Uint8Array {
  const recent = bytes.length >= 3 ? bytes.subarray(bytes.length - 3) : concatBytes(pending, bytes).subarray(-3);
  for (let k = 1; k <= recent.length; k++) {
    const b = recent[recent.length - k];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > k ? recent.slice(recent.length - k) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/** The text of the longest valid start of `bytes` (an unfinished last character left out). */
function validUtf8Prefix(bytes: Uint8Array): string {
  const decode = (end: number) =>
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), { stream: true });
  const valid = (end: number) => {
    try {
      decode(end);
      return true;
    } catch {
      return false;
    }
  };
  // Invalid from some byte on: binary search for the longest prefix that still decodes.
  let lo = 0;
  let hi = bytes.length;
  if (valid(hi)) lo = hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (valid(mid)) lo = mid;
    else hi = mid;
  }
  return decode(lo);
}

/** Parses a whole CSV text. */
export function parseCsv(text: string, options?: CsvParserOptions): CsvParseResult {
  const parser = new CsvParser(options);
  const records = parser.write(text);
  for (const record of parser.end()) records.push(record);
  return { header: parser.header, records, problems: parser.problems, problemCount: parser.problemCount };
}

/**
 * Parses a streamed upload (a Node readable stream is an AsyncIterable of Buffers), yielding records as
 * they complete; read `parser.problems` once the iteration is over.
 */
export async function* readCsv(
  source: AsyncIterable<string | Uint8Array>,
  parser: CsvParser = new CsvParser(),
): AsyncGenerator<CsvRecord> {
  for await (const chunk of source) yield* parser.write(chunk);
  yield* parser.end();
}
