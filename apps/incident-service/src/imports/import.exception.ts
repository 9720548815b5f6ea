import { HttpStatus } from '@nestjs/common';
import { ApiErrorDetail, DomainException } from '@helpdesk/service-runtime';
import { ImportJobProblem } from './entities/import-job.entity';

export enum ImportErrorCode {
  NotFound = 'IMPORT_NOT_FOUND',
  NoFile = 'IMPORT_NO_FILE',
  TooLarge = 'IMPORT_FILE_TOO_LARGE',
  BadFile = 'IMPORT_BAD_FILE',
}

/** Problems listed in a 400 for a file that cannot be parsed (the rest are counted in the message). */
export const MAX_LISTED_PROBLEMS = 100;

/** A problem as an error detail: the column as `field` (`file` when the whole row or file is at fault), the row in the reason. */
export interface ImportProblemDetail extends ApiErrorDetail {
  row: number;
}

/** The import module's one exception type: a status, a stable code and a message a person can act on. */
export class ImportException extends DomainException<ImportErrorCode> {
  static notFound(id: string): ImportException {
    return new ImportException(HttpStatus.NOT_FOUND, ImportErrorCode.NotFound, `Import ${id} not found`);
  }

  static noFile(reason: string): ImportException {
    return new ImportException(HttpStatus.BAD_REQUEST, ImportErrorCode.NoFile, `file ${reason}`, [{ field: 'file', reason }]);
  }

  static tooLarge(maxBytes: number): ImportException {
    return new ImportException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      ImportErrorCode.TooLarge,
      `The file is larger than the import limit of ${maxBytes} bytes (IMPORT_MAX_BYTES)`,
      [{ field: 'file', reason: `is larger than ${maxBytes} bytes` }],
    );
  }

  /** The file does not parse as the export's CSV: the first problems, each naming its row and column. */
  static badFile(problems: readonly ImportJobProblem[], total: number): ImportException {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    const more = total > listed.length ? ` (the first ${listed.length} of ${total} are listed)` : '';
    const details: ImportProblemDetail[] = listed.map((p) => ({
      field: p.field ?? 'file',
      reason: `row ${p.row}: ${p.reason}`,
      row: p.row,
    }));
    return new ImportException(
      HttpStatus.BAD_REQUEST,
      ImportErrorCode.BadFile,
      `The file is not a readable ServiceNow incident event log: ${total} problem${total === 1 ? '' : 's'}${more}; nothing was imported`,
      details,
    );
  }
}
