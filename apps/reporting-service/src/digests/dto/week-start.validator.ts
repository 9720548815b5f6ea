import { registerDecorator, ValidationOptions } from 'class-validator';
import { parseWeekStart } from '../digest-week';

/** A Monday as YYYY-MM-DD: the first day of a digest week. */
export function IsWeekStart(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isWeekStart',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a Monday as YYYY-MM-DD (e.g. 2026-03-02)`, ...options },
      validator: { validate: (value: unknown) => parseWeekStart(value) !== null },
    });
}
