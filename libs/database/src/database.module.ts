import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@helpdesk/observability';
import { DataSource } from 'typeorm';
import { ServiceDataSourceOptions, createDataSource } from './data-source.factory';
import { ensureDatabaseExists } from './database-url';

export interface DatabaseModuleOptions extends ServiceDataSourceOptions {
  runMigrations: boolean;
}

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

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
            if (options.runMigrations) await dataSource.runMigrations({ transaction: 'each' });
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
