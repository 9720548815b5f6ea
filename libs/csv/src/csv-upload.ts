import { createHash } from 'node:crypto';

/** What multer hands over for a multipart file field (memory storage). */
export interface UploadedCsvFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** An uploaded CSV file, still as bytes (the parser decodes UTF-8). */
export interface CsvUpload {
  fileName: string;
  content: Buffer;
  sha256: string;
}

/** The part of an HTTP request (Express's Request has it) the reader needs: headers, type check and body stream. */
export interface CsvUploadRequest extends AsyncIterable<Buffer> {
  headers: Record<string, string | string[] | undefined>;
  is(types: string | string[]): string | false | null;
}

export interface ReadCsvUploadOptions {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** The name of a raw-body upload (a multipart file carries its own); default upload.csv. */
  fileName?: string;
}

export type CsvUploadErrorCode = 'no_file' | 'too_large';

/** Why an upload was refused; the caller maps it to its own HTTP error (400 for no_file, 413 for too_large). */
export class CsvUploadError extends Error {
  constructor(
    readonly code: CsvUploadErrorCode,
    /** For the `file` field: what is wrong with it. */
    readonly reason: string,
    readonly maxBytes: number,
  ) {
    super(`file ${reason}`);
    this.name = 'CsvUploadError';
  }
}

const CSV_TYPES = ['text/csv', 'application/csv'];
const DEFAULT_FILE_NAME = 'upload.csv';
const MAX_FILE_NAME = 255;

/**
 * Reads an uploaded CSV from either form an import accepts: a multipart file field (parsed beforehand by
 * the route's FileInterceptor, which should enforce the same limit) or a raw text/csv body (read here,
 * with the limit). Throws CsvUploadError when there is no file or it is larger than `maxBytes`.
 */
export async function readCsvUpload(
  req: CsvUploadRequest,
  file: UploadedCsvFile | undefined,
  options: ReadCsvUploadOptions,
): Promise<CsvUpload> {
  const max = options.maxBytes;
  if (file) {
    if (file.size > max) throw tooLarge(max);
    return csvUpload(cleanFileName(file.originalname), file.buffer);
  }
  if (req.is('multipart/form-data')) {
    throw new CsvUploadError('no_file', 'is required: send the CSV as the multipart field `file`', max);
  }
  if (!req.is(CSV_TYPES)) {
    throw new CsvUploadError('no_file', 'is required: send the CSV as multipart field `file` or as a text/csv body', max);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const content = await readBody(req, max);
  if (!content) throw tooLarge(max);
  return csvUpload(cleanFileName(options.fileName), content);
}

export function csvUpload(fileName: string, content: Buffer): CsvUpload {
  return { fileName, content, sha256: createHash('sha256').update(content).digest('hex') };
}

function tooLarge(max: number): CsvUploadError {
  return new CsvUploadError('too_large', `is larger than ${max} bytes`, max);
}

/**
 * The body, or null once it passes `max` bytes; the rest is then read and dropped rather than left on the
 * socket, so the client gets the 413 instead of a reset connection.
 */
async function readBody(req: AsyncIterable<Buffer>, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= max) chunks.push(chunk);
  }
  return size > max ? null : Buffer.concat(chunks, size);
}

/** One line, at most 255 code points; a missing name becomes upload.csv. */
export function cleanFileName(name: string | undefined): string {
  const clean = [...(name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, MAX_FILE_NAME).join('');
  return clean || DEFAULT_FILE_NAME;
}
