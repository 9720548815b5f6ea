import { DataSource, DataSourceOptions } from 'typeorm';
import { databaseUrlFor } from './database-url';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDataSourceOptions {
  /** Server URL (any database path); the service's own database replaces it. */
  serverUrl: string;
  database: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  poolSize?: number;
  applicationName?: string;
}

/** One DataSource per service and database: snake_case names, UTC, migrations only (never synchronize). */
export function createDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrlFor(options.serverUrl, options.database),
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Off: TypeORM's query-error log prints the SQL parameters (password hashes among them) to the console
    // outside our JSON logs; failed queries surface as exceptions that the callers log.
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? options.database,
      options: '-c timezone=UTC',
      connectionTimeoutMillis: 10_000,
    },
  };
}

export function createDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource(createDataSourceOptions(options));
}
