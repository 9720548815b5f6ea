/** Small field checks for event payload validators; each returns a problem or null. */
type Obj = Record<string, unknown>;
export type FieldCheck = (payload: Obj) => string | null;

export const requiredString =
  (field: string, max = 10_000): FieldCheck =>
  (p) =>
    typeof p[field] === 'string' && (p[field] as string).length > 0 && (p[field] as string).length <= max
      ? null
      : `${field} must be a non-empty string of at most ${max} characters`;

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
