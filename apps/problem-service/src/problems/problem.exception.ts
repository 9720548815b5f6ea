import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@helpdesk/service-runtime';

export enum ProblemErrorCode {
  NotFound = 'PROBLEM_NOT_FOUND',
  StaleVersion = 'PROBLEM_STALE_VERSION',
  IllegalTransition = 'PROBLEM_ILLEGAL_TRANSITION',
  Closed = 'PROBLEM_CLOSED',
  InvalidField = 'PROBLEM_INVALID_FIELD',
  UnknownIncident = 'PROBLEM_UNKNOWN_INCIDENT',
  CandidateNotFound = 'PROBLEM_CANDIDATE_NOT_FOUND',
  CandidateDecided = 'PROBLEM_CANDIDATE_DECIDED',
}

/** The problem service's one exception type: a status, a stable code and a message a person can act on. */
export class ProblemException extends DomainException<ProblemErrorCode> {
  static notFound(ref: string): ProblemException {
    return new ProblemException(HttpStatus.NOT_FOUND, ProblemErrorCode.NotFound, `Problem ${ref} not found`);
  }

  static staleVersion(expected: number, actual: number): ProblemException {
    return new ProblemException(
      HttpStatus.CONFLICT,
      ProblemErrorCode.StaleVersion,
      `The problem was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
      [{ field: 'version', reason: `is ${expected}, current is ${actual}` }],
    );
  }

  static illegalTransition(action: string, state: string, allowed: readonly string[]): ProblemException {
    return new ProblemException(
      HttpStatus.CONFLICT,
      ProblemErrorCode.IllegalTransition,
      `A problem in state ${state} cannot ${action}; allowed: ${allowed.join(', ') || 'none (closed is final)'}`,
      [{ field: 'state', reason: `is ${state}; allowed actions: ${allowed.join(', ') || 'none'}` }],
    );
  }

  static closed(number: string): ProblemException {
    return new ProblemException(
      HttpStatus.CONFLICT,
      ProblemErrorCode.Closed,
      `Problem ${number} is closed; it can no longer change`,
      [{ field: 'state', reason: 'is closed (final)' }],
    );
  }

  static badField(field: string, reason: string, code = ProblemErrorCode.InvalidField): ProblemException {
    return new ProblemException(HttpStatus.BAD_REQUEST, code, `${field} ${reason}`, [{ field, reason }]);
  }

  static candidateNotFound(id: string): ProblemException {
    return new ProblemException(HttpStatus.NOT_FOUND, ProblemErrorCode.CandidateNotFound, `Candidate problem ${id} not found`);
  }

  static candidateDecided(state: string): ProblemException {
    return new ProblemException(
      HttpStatus.CONFLICT,
      ProblemErrorCode.CandidateDecided,
      `The candidate was already ${state}; only open candidates can be accepted or dismissed`,
      [{ field: 'state', reason: `is ${state}` }],
    );
  }
}
