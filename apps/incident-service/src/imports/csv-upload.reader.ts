import { Injectable } from '@nestjs/common';
import { CsvUpload, CsvUploadError, readCsvUpload, UploadedCsvFile } from '@helpdesk/csv';
import type { Request } from 'express';
import { ImportConfig } from './import.config';
import { ImportException } from './import.exception';

/** The controller and service name the upload types from here, as before they moved to @helpdesk/csv. */
export type { CsvUpload, UploadedCsvFile } from '@helpdesk/csv';

/**
 * Reads an uploaded CSV from either form the import accepts (multipart field `file`, whose size limit the
 * route's FileInterceptor enforces, or a raw text/csv body) with @helpdesk/csv, up to IMPORT_MAX_BYTES;
 * refusals become the import's 400 and 413.
 */
@Injectable()
export class CsvUploadReader {
  constructor(private readonly config: ImportConfig) {}

  async read(req: Request, file: UploadedCsvFile | undefined, fileName: string | undefined): Promise<CsvUpload> {
    try {
      return await readCsvUpload(req, file, { maxBytes: this.config.IMPORT_MAX_BYTES, fileName });
    } catch (error) {
      if (!(error instanceof CsvUploadError)) throw error;
      throw error.code === 'too_large' ? ImportException.tooLarge(error.maxBytes) : ImportException.noFile(error.reason);
    }
  }
}
