import { HttpStatus } from '@nestjs/common';
import { ApiErrorDetail, DomainException } from '@helpdesk/service-runtime';
import { AssetImportProblem } from './asset-import-job.entity';

export enum AssetImportErrorCode {
  NotFound = 'ASSET_IMPORT_NOT_FOUND',
  NoFile = 'ASSET_IMPORT_NO_FILE',
  TooLarge = 'ASSET_IMPORT_FILE_TOO_LARGE',
  BadFile = 'ASSET_IMPORT_BAD_FILE',
  BadRows = 'ASSET_IMPORT_BAD_ROWS',
}

/** A problem as an error detail: the column as `field` (`file` when the whole row or file is at fault) and its row. */
export interface AssetImportProblemDetail extends ApiErrorDetail {
  row: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The import's one exception type: a status, a stable code and a message a person can act on. */
export class AssetImportException extends DomainException<AssetImportErrorCode> {
  static notFound(id: string): AssetImportException {
    return new AssetImportException(HttpStatus.NOT_FOUND, AssetImportErrorCode.NotFound, `Import ${id} not found`);
  }

  static noFile(reason: string): AssetImportException {
    return new AssetImportException(HttpStatus.BAD_REQUEST, AssetImportErrorCode.NoFile, `file ${reason}`, [
      { field: 'file', reason },
    ]);
  }

  static tooLarge(maxBytes: number): AssetImportException {
    return new AssetImportException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      AssetImportErrorCode.TooLarge,
      `The file is larger than the import limit of ${maxBytes} bytes (IMPORT_MAX_BYTES)`,
      [{ field: 'file', reason: `is larger than ${maxBytes} bytes` }],
    );
  }

  /** The file cannot be read as an asset import at all (empty, unknown or missing columns, no data rows). */
  static badFile(problems: readonly AssetImportProblem[]): AssetImportException {
    return new AssetImportException(
      HttpStatus.BAD_REQUEST,
      AssetImportErrorCode.BadFile,
      `The file cannot be read as an asset import (${plural(problems.length, 'problem')}, see details); nothing was imported`,
      problems.map(toDetail),
    );
  }

  /** Rows with problems: every one listed (as a dry run lists them), nothing written. */
  static badRows(problems: readonly AssetImportProblem[], problemCount: number, invalidRows: number): AssetImportException {
    const listed = problemCount > problems.length ? ` (the first ${problems.length} are listed)` : '';
    return new AssetImportException(
      HttpStatus.BAD_REQUEST,
      AssetImportErrorCode.BadRows,
      `${plural(invalidRows, 'row')} of the file ${invalidRows === 1 ? 'has' : 'have'} ${plural(problemCount, 'problem')}${listed}; nothing was imported`,
      problems.map(toDetail),
    );
  }
}

function toDetail(p: AssetImportProblem): AssetImportProblemDetail {
  return { field: p.field ?? 'file', reason: p.reason, row: p.row };
}
