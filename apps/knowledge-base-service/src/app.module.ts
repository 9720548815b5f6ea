import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromConfig } from '@helpdesk/auth';
import { ConfigModule, loadConfig } from '@helpdesk/config';
import { Topics } from '@helpdesk/contracts';
import { DatabaseModule } from '@helpdesk/database';
import { MessagingModule, messagingEntities, messagingMigrations } from '@helpdesk/messaging';
import { ObservabilityModule } from '@helpdesk/observability';
import { HttpConventionsModule } from '@helpdesk/service-runtime';
import { ArticlesModule } from './articles/articles.module';
import { CategoriesModule } from './categories/categories.module';
import { KnowledgeConfig } from './config/knowledge.config';
import { DeflectionsModule } from './deflections/deflections.module';
import { FeedbackModule } from './feedback/feedback.module';
import { HelpSessionsModule } from './help-sessions/help-sessions.module';
import { IncidentKnowledgeModule } from './incident-knowledge/incident-knowledge.module';
import { knowledgeEntities } from './knowledge-entities';
import { KnownErrorsModule } from './known-errors/known-errors.module';
import { knowledgeMigrations } from './migrations';
import { SearchModule } from './search';
import { KnowledgeSeedModule } from './seed/knowledge-seed.module';

export const SERVICE_NAME = 'knowledge-base-service';
/** The gateway forwards the public path unchanged, so the service answers below the same prefix. */
export const GLOBAL_PREFIX = 'api/v1';

/** Articles, versions, categories, feedback, deflections and search; publishes knowledge.*, consumes incident.* and problem.*. */
@Module({})
export class AppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(KnowledgeConfig, env);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(KnowledgeConfig, env),
        ObservabilityModule.forRoot({ serviceName: SERVICE_NAME, logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          serverUrl: config.DATABASE_URL,
          database: config.DATABASE_NAME!,
          entities: [...knowledgeEntities, ...messagingEntities],
          migrations: [...knowledgeMigrations, ...messagingMigrations],
          runMigrations: config.DB_MIGRATIONS_RUN,
          applicationName: SERVICE_NAME,
        }),
        MessagingModule.forRoot({
          serviceName: SERVICE_NAME,
          brokers: config.KAFKA_BROKERS,
          consumerGroup: config.KAFKA_CONSUMER_GROUP,
          publishes: [Topics.knowledgeArticle, Topics.knowledgeHelpSession],
          consumes: [Topics.incident, Topics.problem],
          topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
        }),
        HttpConventionsModule,
        AuthModule.forRoot(authOptionsFromConfig(config)),
        CategoriesModule,
        ArticlesModule,
        FeedbackModule,
        DeflectionsModule,
        HelpSessionsModule,
        SearchModule,
        IncidentKnowledgeModule,
        KnownErrorsModule,
        KnowledgeSeedModule,
      ],
    };
  }
}
