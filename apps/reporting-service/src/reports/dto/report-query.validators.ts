import { registerDecorator, ValidationOptions } from 'class-validator';
import { isReportInstantText } from '../domain/report-period';
import { canonicalTimeZone } from '../domain/zoned-time';

/** `from`/`to`: YYYY-MM-DD, or a date-time with or without an offset (report-period.ts). */
export function IsReportInstant(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isReportInstant',
      target: object.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be a date (2026-03-01) or a date-time (2026-03-01T09:00:00+09:00)`,
        ...options,
      },
      validator: { validate: isReportInstantText },
    });
}

/** An IANA time zone name (Asia/Tokyo, UTC, Europe/London). */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an IANA time zone such as Asia/Tokyo`, ...options },
      validator: { validate: (value: unknown) => canonicalTimeZone(value) !== null },
    });
}
