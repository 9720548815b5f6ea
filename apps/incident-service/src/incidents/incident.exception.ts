import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@helpdesk/service-runtime';
import { IllegalTransitionError } from './domain/incident-state-machine';

export enum IncidentErrorCode {
  NotFound = 'INCIDENT_NOT_FOUND',
  IllegalTransition = 'INCIDENT_ILLEGAL_TRANSITION',
  StaleVersion = 'INCIDENT_STALE_VERSION',
  Forbidden = 'INCIDENT_FORBIDDEN',
  UnknownGroup = 'INCIDENT_UNKNOWN_GROUP',
  UnknownUser = 'INCIDENT_UNKNOWN_USER',
  UnknownCategory = 'INCIDENT_UNKNOWN_CATEGORY',
  NotAGroupMember = 'INCIDENT_ASSIGNEE_NOT_IN_GROUP',
  AlreadyRated = 'INCIDENT_ALREADY_RATED',
  NotRateable = 'INCIDENT_NOT_RATEABLE',
  AttachmentTooLarge = 'INCIDENT_ATTACHMENT_TOO_LARGE',
  AttachmentType = 'INCIDENT_ATTACHMENT_TYPE',
  NoSupervisor = 'INCIDENT_NO_SUPERVISOR',
  NotTierTwo = 'INCIDENT_NOT_TIER_TWO',
}

/** The incident module's one exception type: a status, a stable code and a message a person can act on. */
export class IncidentException extends DomainException<IncidentErrorCode> {
  static notFound(id: string): IncidentException {
    return new IncidentException(HttpStatus.NOT_FOUND, IncidentErrorCode.NotFound, `Incident ${id} not found`);
  }

  static staleVersion(expected: number, actual: number): IncidentException {
    return new IncidentException(
      HttpStatus.CONFLICT,
      IncidentErrorCode.StaleVersion,
      `The incident was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
      [{ field: 'version', reason: `is ${expected}, current is ${actual}` }],
    );
  }

  static fromTransition(error: IllegalTransitionError): IncidentException {
    return new IncidentException(HttpStatus.CONFLICT, IncidentErrorCode.IllegalTransition, error.message, [
      { field: 'state', reason: `is ${error.from}; allowed actions: ${error.allowed.join(', ') || 'none'}` },
    ]);
  }

  static badField(code: IncidentErrorCode, field: string, reason: string): IncidentException {
    return new IncidentException(HttpStatus.BAD_REQUEST, code, `${field} ${reason}`, [{ field, reason }]);
  }

  static forbidden(message: string): IncidentException {
    return new IncidentException(HttpStatus.FORBIDDEN, IncidentErrorCode.Forbidden, message);
  }
}
