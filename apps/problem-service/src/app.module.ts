import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromConfig } from '@helpdesk/auth';
import { ConfigModule, loadConfig } from '@helpdesk/config';
import { Topics } from '@helpdesk/contracts';
import { DatabaseModule } from '@helpdesk/database';
import { MessagingModule, messagingEntities, messagingMigrations } from '@helpdesk/messaging';
import { ObservabilityModule } from '@helpdesk/observability';
import { HttpConventionsModule } from '@helpdesk/service-runtime';
import { CandidatesModule } from './candidates/candidates.module';
import { ProblemConfig } from './config/problem.config';
import { ProblemDirectoryModule } from './directory/problem-directory.module';
import { IncidentStreamModule } from './incident-copies/incident-stream.module';
import { KnownErrorsModule } from './known-errors/known-errors.module';
import { problemMigrations } from './migrations';
import { problemEntities } from './problem-entities';
import { ProblemsModule } from './problems/problems.module';

export const SERVICE_NAME = 'problem-service';
/** The gateway forwards the public path unchanged, so the service answers below the same prefix. */
export const GLOBAL_PREFIX = 'api/v1';

/** Problems, known errors, incident links and candidate problems; publishes problem.*, consumes incident.* and identity.*. */
@Module({})
export class AppModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(ProblemConfig, env);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(ProblemConfig, env),
        ObservabilityModule.forRoot({ serviceName: SERVICE_NAME, logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          serverUrl: config.DATABASE_URL,
          database: config.DATABASE_NAME!,
          entities: [...problemEntities, ...messagingEntities],
          migrations: [...problemMigrations, ...messagingMigrations],
          runMigrations: config.DB_MIGRATIONS_RUN,
          applicationName: SERVICE_NAME,
        }),
        MessagingModule.forRoot({
          serviceName: SERVICE_NAME,
          brokers: config.KAFKA_BROKERS,
          consumerGroup: config.KAFKA_CONSUMER_GROUP,
          publishes: [Topics.problem],
          consumes: [Topics.incident, Topics.identityUser, Topics.identityGroup],
          topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
        }),
        HttpConventionsModule,
        AuthModule.forRoot(authOptionsFromConfig(config)),
        ProblemDirectoryModule,
        // Before ProblemsModule: GET /problems/candidates is not GET /problems/:id.
        CandidatesModule,
        ProblemsModule,
        KnownErrorsModule,
        IncidentStreamModule,
      ],
    };
  }
}
