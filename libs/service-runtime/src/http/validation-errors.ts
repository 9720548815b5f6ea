import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiErrorDetail } from './api-error';

/** Flattens class-validator errors into one entry per field, with dotted paths for nested ones. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ApiErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    const mine = own.length > 0 ? [{ field, reason: own.join('; ') }] : [];
    return [...mine, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export class RequestValidationException extends BadRequestException {
  constructor(readonly details: ApiErrorDetail[]) {
    super({ message: `Invalid request: ${details.map((d) => d.field).join(', ')}`, details });
  }
}

/** Strict input: unknown fields are refused (not silently dropped), types are converted from the DTO. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}
