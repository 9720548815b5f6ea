import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength, ValidateIf, ValidationOptions } from 'class-validator';

/** Text a person typed: no control characters (NUL, tabs and newlines included). */
export const SINGLE_LINE = /^[^\p{Cc}]*$/u;

/**
 * For PATCH fields that may be left out but not cleared: an absent field skips the property's other
 * validators, null does not (so `{ "email": null }` is a 400 on email, not a NOT NULL violation).
 * Use it instead of @IsOptional(), which lets null through as well.
 */
export function IsOptionalButNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}

/**
 * One line of text, no control characters: for query parameters and other free text that reaches SQL
 * (PostgreSQL refuses NUL in text with an error, which must be our 400 rather than a 500).
 */
export function IsSingleLine(options?: ValidationOptions): PropertyDecorator {
  return Matches(SINGLE_LINE, {
    message: ({ property }) => `${property} must be on one line, without control characters`,
    ...options,
  });
}

/** Text that may span lines (descriptions, notes): newlines and tabs allowed, other control characters not. */
export const MULTI_LINE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/u;

export function IsMultiLineText(options?: ValidationOptions): PropertyDecorator {
  return Matches(MULTI_LINE, {
    message: ({ property }) => `${property} must not contain control characters other than newlines and tabs`,
    ...options,
  });
}

/** Text with at least one visible character: "" and "   " are refused alike (IsNotEmpty lets spaces through). */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/u, {
    message: ({ property }) => `${property} must not be empty or blank`,
    ...options,
  });
}

/** A list of short one-line strings (tags, CI ids, category codes): at most `count`, each at most `length`. */
export function IsShortStringList(field: string, count: number, length: number): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: `${field} must be an array of strings` }),
    ArrayMaxSize(count, { message: `${field} may hold at most ${count} entries` }),
    IsString({ each: true, message: `each of ${field} must be a string` }),
    MaxLength(length, { each: true, message: `each of ${field} must be at most ${length} characters` }),
    IsSingleLine({ each: true, message: `each of ${field} must be on one line, without control characters` }),
  );
}
