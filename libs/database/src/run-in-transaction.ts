import { DataSource, EntityManager } from 'typeorm';

/** PostgreSQL's unique_violation. */
export const UNIQUE_VIOLATION = '23505';

/** Unique index name prefix (e.g. `users_email`) → the domain error a violation of it means. */
export type UniqueViolations = Readonly<Record<string, () => Error>>;

/**
 * Runs work in one transaction. A check-then-insert can still lose a race to a concurrent one: the unique
 * index then refuses the row, and that violation becomes the caller's domain error (409) instead of a 500.
 */
export async function runInTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  uniqueViolations: UniqueViolations = {},
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (e) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === UNIQUE_VIOLATION && typeof constraint === 'string') {
      const prefix = Object.keys(uniqueViolations).find((p) => constraint.startsWith(p));
      if (prefix) throw uniqueViolations[prefix]();
    }
    throw e;
  }
}
