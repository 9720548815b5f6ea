/** Small field checks for event payload validators; each returns a problem or null. */
type Obj = Record<string, unknown>;
export type FieldCheck = (payload: Obj) => string | null;

/**
 * Length in Unicode code points, as PostgreSQL's varchar(n) and the API's DTOs count it (𠮷 or an
 * emoji is one character, not two UTF-16 units).
 */
export function codePointLength(value: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < value.length - 1; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return value.length - surrogatePairs;
}

/** A non-empty string of at most `max` characters (code points). */
export const requiredString =
  (field: string, max = 10_000): FieldCheck =>
  (p) => {
    const value = p[field];
    // value.length counts UTF-16 units: never fewer than the code points, at most twice as many.
    const fits = typeof value === 'string' && (value.length <= max || codePointLength(value) <= max);
    return fits && value.length > 0 ? null : `${field} must be a non-empty string of at most ${max} characters`;
  };

export const optionalString =
  (field: string): FieldCheck =>
  (p) =>
    p[field] === undefined || p[field] === null || typeof p[field] === 'string' ? null : `${field} must be a string or null`;

export const stringArray =
  (field: string): FieldCheck =>
  (p) =>
    Array.isArray(p[field]) && (p[field] as unknown[]).every((v) => typeof v === 'string')
      ? null
      : `${field} must be an array of strings`;

export const booleanField =
  (field: string): FieldCheck =>
  (p) =>
    typeof p[field] === 'boolean' ? null : `${field} must be a boolean`;

export function checkPayload(payload: unknown, checks: FieldCheck[]): string[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return ['payload must be an object'];
  return checks.map((check) => check(payload as Obj)).filter((p): p is string => p !== null);
}
