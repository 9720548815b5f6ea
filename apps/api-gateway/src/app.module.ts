import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromConfig } from '@helpdesk/auth';
import { ConfigModule, loadConfig } from '@helpdesk/config';
import { Topics } from '@helpdesk/contracts';
import { DatabaseModule } from '@helpdesk/database';
import { MessagingModule, messagingEntities, messagingMigrations } from '@helpdesk/messaging';
import { ObservabilityModule } from '@helpdesk/observability';
import { HttpConventionsModule } from '@helpdesk/service-runtime';
import { AuditModule } from './audit/audit.module';
import { AuditLogEntity } from './audit/entities/audit-log.entity';
import { AuthSessionsModule } from './auth/auth-sessions.module';
import { LoginFailureEntity } from './auth/entities/login-failure.entity';
import { RefreshTokenEntity } from './auth/entities/refresh-token.entity';
import { GatewayConfig } from './config/gateway.config';
import { ForwardingModule } from './forwarding/forwarding.module';
import { GroupMemberEntity } from './groups/entities/group-member.entity';
import { GroupEntity } from './groups/entities/group.entity';
import { GroupsModule } from './groups/groups.module';
import { gatewayMigrations } from './migrations';
import { SeedModule } from './seed/seed.module';
import { UserEntity } from './users/entities/user.entity';
import { UsersModule } from './users/users.module';

export const SERVICE_NAME = 'api-gateway';
export const GLOBAL_PREFIX = 'api/v1';

export const gatewayEntities = [
  UserEntity,
  GroupEntity,
  GroupMemberEntity,
  RefreshTokenEntity,
  LoginFailureEntity,
  AuditLogEntity,
];

/** The gateway: identity (users, groups, sign-in, audit), identity.* events, and forwarding to the services. */
@Module({})
export class AppModule {
  /** Builds the module from an environment (process.env by default; tests pass their own). */
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(GatewayConfig, env);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(GatewayConfig, env),
        ObservabilityModule.forRoot({ serviceName: SERVICE_NAME, logLevel: config.LOG_LEVEL }),
        DatabaseModule.forRoot({
          serverUrl: config.DATABASE_URL,
          database: config.DATABASE_NAME!,
          entities: [...gatewayEntities, ...messagingEntities],
          migrations: [...gatewayMigrations, ...messagingMigrations],
          runMigrations: config.DB_MIGRATIONS_RUN,
          applicationName: SERVICE_NAME,
        }),
        MessagingModule.forRoot({
          serviceName: SERVICE_NAME,
          brokers: config.KAFKA_BROKERS,
          publishes: [Topics.identityUser, Topics.identityGroup],
          consumes: [],
          topics: { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
        }),
        HttpConventionsModule,
        AuthModule.forRoot({
          ...authOptionsFromConfig(config),
          issuing: { accessTokenTtlSeconds: config.accessTokenTtlSeconds },
          passwordHashing: { memoryCost: config.PASSWORD_HASH_MEMORY_KIB },
        }),
        AuditModule,
        UsersModule,
        GroupsModule,
        AuthSessionsModule,
        SeedModule,
        ForwardingModule,
      ],
    };
  }
}
