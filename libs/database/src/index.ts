export { createDataSource, createDataSourceOptions, ServiceDataSourceOptions } from './data-source.factory';
export { databaseUrlFor, dropDatabase, ensureDatabaseExists } from './database-url';
export { DatabaseModule, DatabaseModuleOptions } from './database.module';
export { SnakeNamingStrategy, snakeCase } from './snake-naming.strategy';
export { EntityRows } from './entity-rows';
export { runInTransaction, UNIQUE_VIOLATION, UniqueViolations } from './run-in-transaction';
