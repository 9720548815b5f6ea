import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromConfig } from '@helpdesk/auth';
import { ConfigModule, loadConfig } from '@helpdesk/config';
import { Topics } from '@helpdesk/contracts';
import { DatabaseModule } from '@helpdesk/database';
import { MessagingModule, messagingEntities, messagingMigrations } from '@helpdesk/messaging';
import { ObservabilityModule } from '@helpdesk/observability';
import { HttpConventionsModule } from '@helpdesk/service-runtime';
import { assetEntities } from './asset-entities';
import { AttributesModule } from './attributes/attributes.module';
import { CisModule } from './cis/cis.module';
import { AssetConfig } from './config/asset.config';
import { AssetDirectoryModule } from './directory/asset-directory.module';
import { AssetImportsModule } from './imports/asset-imports.module';
import { IncidentCopiesModule } from './incident-copies/incident-copies.module';
import { LicencesModule } from './licences/licences.module';
import { assetMigrations } from './migrations';
import { RelationshipsModule } from './relationships/relationships.module';
import { AssetReportsModule } from './reports/reports.module';

export const SERVICE_NAME = 'asset-service';
/** The gateway forwards the public path unchanged, so the service answers below the same prefix. */
export const GLOBAL_PREFIX = 'api/v1';

/** The CMDB: CIs, relationships, licences, reports, CSV import; publishes asset.*, consumes incident.* and identity.*. */
@Module({})
export class AppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(AssetConfig, env);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(AssetConfig, env),
        ObservabilityModule.forRoot({ serviceName: SERVICE_NAME, logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          serverUrl: config.DATABASE_URL,
          database: config.DATABASE_NAME!,
          entities: [...assetEntities, ...messagingEntities],
          migrations: [...assetMigrations, ...messagingMigrations],
          runMigrations: config.DB_MIGRATIONS_RUN,
          applicationName: SERVICE_NAME,
        }),
        MessagingModule.forRoot({
          serviceName: SERVICE_NAME,
          brokers: config.KAFKA_BROKERS,
          consumerGroup: config.KAFKA_CONSUMER_GROUP,
          publishes: [Topics.asset],
          consumes: [Topics.incident, Topics.identityUser],
          topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
        }),
        HttpConventionsModule,
        AuthModule.forRoot(authOptionsFromConfig(config)),
        AssetDirectoryModule,
        IncidentCopiesModule,
        // Fixed paths (/assets/import, /assets/reports/…) before CisModule's /assets/:id.
        AssetImportsModule,
        AssetReportsModule,
        LicencesModule,
        AttributesModule,
        RelationshipsModule,
        CisModule,
      ],
    };
  }
}
