import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { ImportConfig } from './import.config';
import { ImportException } from './import.exception';

/** What multer hands over for the multipart field `file` (memory storage). */
export interface UploadedCsvFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface CsvUpload {
  fileName: string;
  content: Buffer;
  sha256: string;
}

const CSV_TYPES = ['text/csv', 'application/csv'];
const DEFAULT_FILE_NAME = 'upload.csv';
const MAX_FILE_NAME = 255;

/**
 * Reads an uploaded CSV from either form the import accepts: multipart field `file` (parsed by the route's
 * FileInterceptor, which enforces the size limit) or a raw text/csv body (read here, with the same limit).
 */
@Injectable()
export class CsvUploadReader {
  constructor(private readonly config: ImportConfig) {}

  async read(req: Request, file: UploadedCsvFile | undefined, fileName: string | undefined): Promise<CsvUpload> {
    const max = this.config.IMPORT_MAX_BYTES;
    if (file) {
      if (file.size > max) throw ImportException.tooLarge(max);
      return this.upload(cleanFileName(file.originalname), file.buffer);
    }
    if (req.is('multipart/form-data')) {
      throw ImportException.noFile('is required: send the CSV as the multipart field `file`');
    }
    if (!req.is(CSV_TYPES)) {
      throw ImportException.noFile('is required: send the CSV as multipart field `file` or as a text/csv body');
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) throw ImportException.tooLarge(max);
    const content = await readBody(req, max);
    if (!content) throw ImportException.tooLarge(max);
    return this.upload(cleanFileName(fileName), content);
  }

  private upload(fileName: string, content: Buffer): CsvUpload {
    return { fileName, content, sha256: createHash('sha256').update(content).digest('hex') };
  }
}

/**
 * The body, or null once it passes `max` bytes; the rest is then read and dropped rather than left on the
 * socket, so the client gets the 413 instead of a reset connection.
 */
async function readBody(req: Request, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= max) chunks.push(chunk);
  }
  return size > max ? null : Buffer.concat(chunks, size);
}

/** One line, at most 255 code points; a missing name becomes upload.csv. */
function cleanFileName(name: string | undefined): string {
  const clean = [...(name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, MAX_FILE_NAME).join('');
  return clean || DEFAULT_FILE_NAME;
}
