export { defaultEmbeddedDataDir, defaultEmbeddedPort, EmbeddedPostgresServer } from './embedded-postgres-server';
export type { EmbeddedPostgresOptions } from './embedded-postgres-server';
export { ensurePostgres, LOCAL_POSTGRES_URL } from './local-postgres';
export type { EnsuredPostgres, EnsurePostgresOptions, PostgresKind, PostgresMode } from './local-postgres';
export { postgresAnswers, queryOnce, redactUrl } from './pg-query';
export { postgresBinaries } from './postgres-binaries';
export type { PostgresBinaries } from './postgres-binaries';
