import { HttpStatus } from '@nestjs/common';
import { ApiErrorDetail, DomainException } from '@helpdesk/service-runtime';

export enum SlaErrorCode {
  Invalid = 'SLA_INVALID',
  StaleVersion = 'SLA_STALE_VERSION',
  CalendarNotFound = 'SLA_CALENDAR_NOT_FOUND',
  CalendarInUse = 'SLA_CALENDAR_IN_USE',
}

/** The SLA module's one exception type: a status, a stable code and a message a person can act on. */
export class SlaException extends DomainException<SlaErrorCode> {
  /** 400 with one detail per bad field (`policies[2].responseMinutes`, `calendars[0].timeZone`, …). */
  static badFields(details: ApiErrorDetail[]): SlaException {
    return new SlaException(
      HttpStatus.BAD_REQUEST,
      SlaErrorCode.Invalid,
      `Invalid request: ${[...new Set(details.map((d) => d.field))].join(', ')}`,
      details,
    );
  }

  static staleVersion(what: string, field: string, expected: number, actual: number | null): SlaException {
    const current = actual === null ? 'it no longer exists' : `current is ${actual}`;
    return new SlaException(
      HttpStatus.CONFLICT,
      SlaErrorCode.StaleVersion,
      `${what} changed since you read it (your version ${expected}, ${current}); reload and try again`,
      [{ field, reason: `is ${expected}, ${current}` }],
    );
  }

  static calendarNotFound(id: string): SlaException {
    return new SlaException(HttpStatus.NOT_FOUND, SlaErrorCode.CalendarNotFound, `Calendar ${id} not found`);
  }

  static calendarInUse(details: ApiErrorDetail[]): SlaException {
    return new SlaException(
      HttpStatus.CONFLICT,
      SlaErrorCode.CalendarInUse,
      `A calendar left out of the list is still in use: ${details.map((d) => d.reason).join('; ')}`,
      details,
    );
  }
}
