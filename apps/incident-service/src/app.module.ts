import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromConfig } from '@helpdesk/auth';
import { ConfigModule, loadConfig } from '@helpdesk/config';
import { Topics } from '@helpdesk/contracts';
import { DatabaseModule } from '@helpdesk/database';
import { MessagingModule, messagingEntities, messagingMigrations } from '@helpdesk/messaging';
import { ObservabilityModule } from '@helpdesk/observability';
import { HttpConventionsModule } from '@helpdesk/service-runtime';
import { IncidentConfig } from './config/incident.config';
import { ConversationModule } from './conversation/conversation.module';
import { DirectoryModule } from './directory/directory.module';
import { incidentEntities } from './incident-entities';
import { IncidentsModule } from './incidents/incidents.module';
import { incidentMigrations } from './migrations';
import { ProblemLinksModule } from './problem-links/problem-links.module';
import { CategoriesModule } from './categories/categories.module';
import { RoutingModule } from './routing/routing.module';
import { CatalogModule } from './catalog/catalog.module';
import { ServiceRequestsModule } from './service-requests/service-requests.module';
import { ImportsModule } from './imports/imports.module';

export const SERVICE_NAME = 'incident-service';
/** The gateway forwards the public path unchanged, so the service answers below the same prefix. */
export const GLOBAL_PREFIX = 'api/v1';

/** Incidents, service requests, SLA, routing and imports; publishes incident.* and request.*. */
@Module({})
export class AppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(IncidentConfig, env);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(IncidentConfig, env),
        ObservabilityModule.forRoot({ serviceName: SERVICE_NAME, logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          serverUrl: config.DATABASE_URL,
          database: config.DATABASE_NAME!,
          entities: [...incidentEntities, ...messagingEntities],
          migrations: [...incidentMigrations, ...messagingMigrations],
          runMigrations: config.DB_MIGRATIONS_RUN,
          applicationName: SERVICE_NAME,
          poolSize: 20,
        }),
        MessagingModule.forRoot({
          serviceName: SERVICE_NAME,
          brokers: config.KAFKA_BROKERS,
          consumerGroup: config.KAFKA_CONSUMER_GROUP,
          publishes: [Topics.incident, Topics.serviceRequest],
          consumes: [Topics.identityUser, Topics.identityGroup, Topics.problem],
          topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
        }),
        HttpConventionsModule,
        AuthModule.forRoot(authOptionsFromConfig(config)),
        DirectoryModule,
        IncidentsModule,
        ConversationModule,
        ProblemLinksModule,
        CategoriesModule,
        RoutingModule,
        CatalogModule,
        ServiceRequestsModule,
        ImportsModule.forRoot(env),
      ],
    };
  }
}
