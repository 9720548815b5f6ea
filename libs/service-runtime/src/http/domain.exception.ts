import { HttpException } from '@nestjs/common';
import { ApiErrorDetail } from './api-error';

/**
 * Base of each module's typed exception (IncidentException, IdentityException, ...): an HTTP status,
 * a stable code and a message a person can act on.
 */
export class DomainException<TCode extends string = string> extends HttpException {
  constructor(
    status: number,
    readonly code: TCode,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super({ message, code, details }, status);
  }
}
