import { CreateProblems1797000000000 } from './1797000000000-CreateProblems';

/** The problem service's migrations, in order (never edit one that has been committed: add another). */
export const problemMigrations = [CreateProblems1797000000000];
