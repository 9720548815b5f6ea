import { HttpStatus } from '@nestjs/common';
import { ApiErrorDetail, DomainException } from '@helpdesk/service-runtime';

export enum CatalogErrorCode {
  NotFound = 'CATALOG_ITEM_NOT_FOUND',
  CodeTaken = 'CATALOG_CODE_TAKEN',
  StaleVersion = 'CATALOG_STALE_VERSION',
  BadSchema = 'CATALOG_BAD_SCHEMA',
}

/** Errors of the request catalog, each with a stable code. */
export class CatalogException extends DomainException<CatalogErrorCode> {
  static notFound(id: string): CatalogException {
    return new CatalogException(HttpStatus.NOT_FOUND, CatalogErrorCode.NotFound, `Catalog item ${id} not found`);
  }

  static codeTaken(code: string): CatalogException {
    return new CatalogException(HttpStatus.CONFLICT, CatalogErrorCode.CodeTaken, `Another catalog item has the code ${code}`, [
      { field: 'code', reason: 'code is already in use' },
    ]);
  }

  static staleVersion(expected: number, actual: number): CatalogException {
    return new CatalogException(
      HttpStatus.CONFLICT,
      CatalogErrorCode.StaleVersion,
      `The catalog item was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
      [{ field: 'version', reason: `is ${expected}, current is ${actual}` }],
    );
  }

  static badSchema(details: ApiErrorDetail[]): CatalogException {
    return new CatalogException(
      HttpStatus.BAD_REQUEST,
      CatalogErrorCode.BadSchema,
      `Invalid request: ${details.map((d) => d.field).join(', ')}`,
      details,
    );
  }

  constructor(status: number, code: CatalogErrorCode, message: string, details: ApiErrorDetail[] = []) {
    super(status, code, message, details);
  }
}
