import { SINGLE_LINE } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';

const zoneCache = new Map<string, boolean>();

/** True for an IANA time zone name such as Asia/Tokyo or UTC. */
export function isIanaTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  const cached = zoneCache.get(value);
  if (cached !== undefined) return cached;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    ok = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value);
  } catch {
    ok = false;
  }
  if (zoneCache.size < 1000) zoneCache.set(value, ok);
  return ok;
}

export function IsIanaTimeZone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as Asia/Tokyo`, ...options },
      validator: { validate: isIanaTimeZone },
    });
}

/** Trims strings (and turns whitespace-only into an empty string, which validators then refuse). */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export interface NameFieldOptions {
  /** Undefined is allowed only when this other field is given (e.g. displayNameJa or displayNameEn). */
  orField?: string;
  /** null clears the field (PATCH). */
  nullable?: boolean;
  maxLength?: number;
}

/**
 * A name or label a person typed: 1–maxLength characters (emoji count once) on one line. One rule, so a
 * bad field gives exactly one reason.
 */
export function IsNameText(options: NameFieldOptions = {}, validationOptions?: ValidationOptions) {
  const max = options.maxLength ?? 200;
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isNameText',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate(value, args) {
          const obj = args?.object as Record<string, unknown>;
          if (value === undefined)
            return options.orField ? obj[options.orField] !== undefined && obj[options.orField] !== null : true;
          if (value === null) return options.nullable === true;
          return typeof value === 'string' && value.trim().length > 0 && [...value].length <= max && SINGLE_LINE.test(value);
        },
        defaultMessage(args) {
          if (args?.value === undefined && options.orField) return `${propertyName} or ${options.orField} is required`;
          return `${propertyName} must be 1–${max} characters on one line`;
        },
      },
    });
}
