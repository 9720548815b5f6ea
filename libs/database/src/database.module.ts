import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@helpdesk/observability';
import { DataSource } from 'typeorm';
import { ServiceDataSourceOptions, createDataSource } from './data-source.factory';
import { ensureDatabaseExists } from './database-url';

export interface DatabaseModuleOptions extends ServiceDataSourceOptions {
  runMigrations: boolean;
}

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
/** Any fixed key: replicas of one service share a database, so one lock per database is enough. */
const MIGRATION_LOCK_KEY = 4_711_000_001;

/**
 * Replicas starting together on a new database would race to create the same tables (one crashes on
 * a duplicate pg_class row): a session advisory lock lets one migrate while the others wait, then find
 * nothing pending.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}

/**
 * Gives the service its DataSource: creates the database on demand, runs pending migrations at
 * start-up (unless turned off), reports readiness and closes the pool on shutdown.
 */
@Global()
@Module({})
export class DatabaseModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseModule.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseModuleOptions,
  ) {}

  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_OPTIONS, useValue: options },
        {
          provide: DataSource,
          useFactory: async () => {
            await ensureDatabaseExists(options.serverUrl, options.database);
            const dataSource = createDataSource(options);
            await dataSource.initialize();
            if (options.runMigrations) await runMigrationsExclusively(dataSource);
            return dataSource;
          },
        },
      ],
      exports: [DataSource],
    };
  }

  onModuleInit() {
    this.health.register('database', async () => {
      await this.dataSource.query('SELECT 1');
      return { status: 'up' };
    });
    this.logger.log(`Connected to database ${this.options.database}`);
  }

  async onApplicationShutdown() {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
