import { MULTI_LINE, SINGLE_LINE } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** Trims strings (a whitespace-only value becomes empty, which IsLabelText refuses); arrays element-wise. */
export const TrimText = () =>
  Transform(({ value }) =>
    typeof value === 'string'
      ? value.trim()
      : Array.isArray(value)
        ? value.map((v) => (typeof v === 'string' ? v.trim() : v))
        : value,
  );

export interface LabelTextOptions {
  maxLength: number;
  /** Validate each element of an array instead. */
  each?: boolean;
  /** Free text over several lines (a description): may be empty, newlines and tabs allowed. */
  multiline?: boolean;
}

function isLabel(value: unknown, options: LabelTextOptions): boolean {
  if (typeof value !== 'string') return false;
  if (options.multiline) return countCodePoints(value) <= options.maxLength && MULTI_LINE.test(value);
  return value.length > 0 && countCodePoints(value) <= options.maxLength && SINGLE_LINE.test(value);
}

function countCodePoints(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // A surrogate pair (emoji, rare kanji) is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * A name, keyword or label a person typed: 1–maxLength characters counted as code points (an emoji
 * counts once) on one line. One rule, so a bad field gives one reason.
 */
export function IsLabelText(options: LabelTextOptions, validationOptions?: ValidationOptions) {
  const max = options.maxLength;
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLabelText',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate(value) {
          if (!options.each) return isLabel(value, options);
          return Array.isArray(value) && value.every((v) => isLabel(v, options));
        },
        defaultMessage() {
          if (options.multiline)
            return `${propertyName} must be at most ${max} characters, without control characters other than line breaks and tabs`;
          return options.each
            ? `each of ${propertyName} must be 1–${max} characters on one line`
            : `${propertyName} must be 1–${max} characters on one line`;
        },
      },
    });
}
