import { FieldChange } from './entities/audit-log.entity';

/** Fields whose values never reach the audit trail (only that they changed). */
export const SECRET_FIELDS: readonly string[] = ['password', 'passwordHash'];

/** The fields that differ between two versions of an entity, from → to; secrets redacted. */
export function diffFields<T extends object>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = before ? normalise(before[field]) : null;
    const to = normalise(after[field]);
    if (sameValue(from, to)) continue;
    changes.push(SECRET_FIELDS.includes(field) ? { field, redacted: true } : { field, from, to });
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...value];
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
