import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@helpdesk/service-runtime';

export enum CiErrorCode {
  NotFound = 'ASSET_CI_NOT_FOUND',
  StaleVersion = 'ASSET_CI_STALE_VERSION',
  IllegalTransition = 'ASSET_CI_ILLEGAL_TRANSITION',
  InvalidField = 'ASSET_CI_INVALID_FIELD',
  Duplicate = 'ASSET_CI_DUPLICATE',
  Conflict = 'ASSET_CI_CONFLICT',
}

/** The asset service's one exception type for CIs: a status, a stable code and a message a person can act on. */
export class CiException extends DomainException<CiErrorCode> {
  static notFound(ref: string): CiException {
    return new CiException(HttpStatus.NOT_FOUND, CiErrorCode.NotFound, `Configuration item ${ref} not found`);
  }

  static staleVersion(expected: number, actual: number): CiException {
    return new CiException(
      HttpStatus.CONFLICT,
      CiErrorCode.StaleVersion,
      `The configuration item was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
      [{ field: 'version', reason: `is ${expected}, current is ${actual}` }],
    );
  }

  static illegalTransition(from: string, to: string, allowed: readonly string[]): CiException {
    return new CiException(
      HttpStatus.CONFLICT,
      CiErrorCode.IllegalTransition,
      `A configuration item cannot go from ${from} to ${to}; allowed: ${allowed.join(', ') || 'none (disposed is final)'}`,
      [{ field: 'state', reason: `is ${from}; allowed next states: ${allowed.join(', ') || 'none'}` }],
    );
  }

  /** Several bad fields at once (each with its reason), as validation reports them. */
  static badFields(problems: Array<{ field: string; reason: string }>): CiException {
    const message = problems.map((p) => `${p.field} ${p.reason}`).join('; ');
    return new CiException(HttpStatus.BAD_REQUEST, CiErrorCode.InvalidField, message, problems);
  }

  static conflict(field: string, reason: string, code = CiErrorCode.Conflict): CiException {
    return new CiException(HttpStatus.CONFLICT, code, `${field} ${reason}`, [{ field, reason }]);
  }
}
