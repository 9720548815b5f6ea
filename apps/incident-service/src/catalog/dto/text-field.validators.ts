import { SINGLE_LINE } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** Trims strings; whitespace-only becomes empty, which the text rules then refuse. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

// A multi-line text keeps line breaks and tabs, nothing else from the control range.
const MULTI_LINE = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

export interface TextFieldOptions {
  max: number;
  multiline?: boolean;
  /** null passes (a PATCH clearing a nullable field). */
  nullable?: boolean;
}

/**
 * Text a person typed: 1–max characters counted in code points (an emoji is one), on one line unless
 * multiline, never blank. One rule, so a bad field gets exactly one reason.
 */
export function IsPlainText(options: TextFieldOptions, validationOptions?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPlainText',
      target: object.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate(value: unknown) {
          if (value === null) return options.nullable === true;
          if (typeof value !== 'string' || value.trim().length === 0) return false;
          return [...value].length <= options.max && (options.multiline ? MULTI_LINE : SINGLE_LINE).test(value);
        },
        defaultMessage(args) {
          return options.multiline
            ? `${args?.property} must be 1–${options.max} characters without control characters`
            : `${args?.property} must be 1–${options.max} characters on one line`;
        },
      },
    });
}
