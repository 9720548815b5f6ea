const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/**
 * The one reading of a yes/no value from the environment or a query string: true/false, 1/0, yes/no,
 * on/off (any case, surrounding spaces ignored). Anything else is returned unchanged, for @IsBoolean()
 * to refuse with a message naming the variable or parameter.
 */
export function parseBoolean(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return value;
}

/**
 * `@Transform(toBoolean)` for a boolean config variable or query parameter (pair it with @IsBoolean()). It
 * reads the raw value: implicit conversion would already have turned the string 'false' into true.
 */
export const toBoolean = ({ obj, key, value }: { obj?: Record<string, unknown>; key?: string; value?: unknown }): unknown =>
  parseBoolean(obj && key !== undefined && key in obj ? obj[key] : value);

/** The validation message of a boolean variable: `@Transform(toBoolean) @IsBoolean(BOOLEAN_VARIABLE)`. */
export const BOOLEAN_VARIABLE = { message: 'must be true or false (also 1/0, yes/no, on/off)' };
