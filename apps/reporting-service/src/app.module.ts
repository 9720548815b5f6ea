import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromConfig } from '@helpdesk/auth';
import { ConfigModule, loadConfig } from '@helpdesk/config';
import { Topics } from '@helpdesk/contracts';
import { DatabaseModule } from '@helpdesk/database';
import { MessagingModule, messagingEntities, messagingMigrations } from '@helpdesk/messaging';
import { ObservabilityModule } from '@helpdesk/observability';
import { HttpConventionsModule } from '@helpdesk/service-runtime';
import { ReportingConfig } from './config/reporting.config';
import { DigestsModule } from './digests/digests.module';
import { IncidentFactsModule } from './incident-facts/incident-facts.module';
import { KnowledgeFactsModule } from './knowledge-facts/knowledge-facts.module';
import { reportingMigrations } from './migrations';
import { ReportsModule } from './reports/reports.module';

export const SERVICE_NAME = 'reporting-service';
/** The gateway forwards the public path unchanged, so the service answers below the same prefix. */
export const GLOBAL_PREFIX = 'api/v1';

/** The topics whose events feed the read models (architecture.md: reporting reads nothing else). */
export const REPORTING_CONSUMES = [Topics.incident, Topics.knowledgeArticle, Topics.knowledgeHelpSession];

/** Read models built only from events, the reports over them, and the weekly digest; publishes reporting.*. */
@Module({})
export class AppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(ReportingConfig, env);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(ReportingConfig, env),
        ObservabilityModule.forRoot({ serviceName: SERVICE_NAME, logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          serverUrl: config.DATABASE_URL,
          database: config.DATABASE_NAME!,
          entities: [...messagingEntities],
          migrations: [...reportingMigrations, ...messagingMigrations],
          runMigrations: config.DB_MIGRATIONS_RUN,
          applicationName: SERVICE_NAME,
        }),
        MessagingModule.forRoot({
          serviceName: SERVICE_NAME,
          brokers: config.KAFKA_BROKERS,
          consumerGroup: config.KAFKA_CONSUMER_GROUP,
          publishes: [Topics.reportingDigest],
          consumes: REPORTING_CONSUMES,
          topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
        }),
        HttpConventionsModule,
        AuthModule.forRoot(authOptionsFromConfig(config)),
        IncidentFactsModule,
        KnowledgeFactsModule,
        ReportsModule,
        DigestsModule,
      ],
    };
  }
}
