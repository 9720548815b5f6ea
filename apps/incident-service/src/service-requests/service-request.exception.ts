import { HttpStatus } from '@nestjs/common';
import { ApiErrorDetail, DomainException } from '@helpdesk/service-runtime';
import { IllegalRequestTransitionError } from './domain/request-state-machine';

export enum ServiceRequestErrorCode {
  NotFound = 'REQUEST_NOT_FOUND',
  TaskNotFound = 'REQUEST_TASK_NOT_FOUND',
  IllegalTransition = 'REQUEST_ILLEGAL_TRANSITION',
  StaleVersion = 'REQUEST_STALE_VERSION',
  Forbidden = 'REQUEST_FORBIDDEN',
  BadField = 'REQUEST_BAD_FIELD',
  NoApprover = 'REQUEST_NO_APPROVER',
  AlreadyDecided = 'REQUEST_ALREADY_DECIDED',
}

/** The service-request module's one exception type: a status, a stable code and a message a person can act on. */
export class ServiceRequestException extends DomainException<ServiceRequestErrorCode> {
  static notFound(id: string): ServiceRequestException {
    return new ServiceRequestException(HttpStatus.NOT_FOUND, ServiceRequestErrorCode.NotFound, `Request ${id} not found`);
  }

  static taskNotFound(taskId: string): ServiceRequestException {
    return new ServiceRequestException(
      HttpStatus.NOT_FOUND,
      ServiceRequestErrorCode.TaskNotFound,
      `No task ${taskId} on this request`,
    );
  }

  static staleVersion(expected: number, actual: number): ServiceRequestException {
    return new ServiceRequestException(
      HttpStatus.CONFLICT,
      ServiceRequestErrorCode.StaleVersion,
      `The request was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
      [{ field: 'version', reason: `is ${expected}, current is ${actual}` }],
    );
  }

  static fromTransition(error: IllegalRequestTransitionError): ServiceRequestException {
    return new ServiceRequestException(HttpStatus.CONFLICT, ServiceRequestErrorCode.IllegalTransition, error.message, [
      { field: 'state', reason: `is ${error.from}; allowed actions: ${error.allowed.join(', ') || 'none'}` },
    ]);
  }

  static forbidden(message: string): ServiceRequestException {
    return new ServiceRequestException(HttpStatus.FORBIDDEN, ServiceRequestErrorCode.Forbidden, message);
  }

  static badFields(details: ApiErrorDetail[]): ServiceRequestException {
    return new ServiceRequestException(
      HttpStatus.BAD_REQUEST,
      ServiceRequestErrorCode.BadField,
      `Invalid request: ${details.map((d) => d.field).join(', ')}`,
      details,
    );
  }

  static noApprover(reason: string, field: string): ServiceRequestException {
    return new ServiceRequestException(HttpStatus.CONFLICT, ServiceRequestErrorCode.NoApprover, reason, [{ field, reason }]);
  }

  static alreadyDecided(): ServiceRequestException {
    return new ServiceRequestException(
      HttpStatus.CONFLICT,
      ServiceRequestErrorCode.AlreadyDecided,
      'Someone decided on this request at the same time; reload to see the decision',
    );
  }

  constructor(status: number, code: ServiceRequestErrorCode, message: string, details: ApiErrorDetail[] = []) {
    super(status, code, message, details);
  }
}
