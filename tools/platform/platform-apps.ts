import { envValue } from '@helpdesk/config';
import { Topics } from '@helpdesk/contracts';

/**
 * DATABASE_NAME_PREFIX (tests): each app gets its own database, <prefix>_<app>, as in production, and its
 * own consumer group (platformConsumerGroup), so platforms sharing a test broker neither split partitions
 * between them nor read each other's events.
 */
function databaseOf(app: string, name: string): Record<string, string> {
  const prefix = envValue(process.env, 'DATABASE_NAME_PREFIX');
  return prefix ? { DATABASE_NAME: `${prefix}_${app}`, KAFKA_CONSUMER_GROUP: platformConsumerGroup(name, prefix) } : {};
}

export function platformConsumerGroup(appName: string, databasePrefix: string): string {
  return `${appName}-${databasePrefix}`;
}

/** The apps `npm start` runs, in start order; each later issue adds its service here. */
export interface PlatformApp {
  name: string;
  main: string;
  port: number;
  /** Environment this app needs beyond the shared one (given the ports of the others). */
  env?: (ports: Record<string, number>) => Record<string, string>;
  /** The topics its MessagingModule consumes (tests start its consumer group at their ends). */
  consumes: string[];
}

export const PLATFORM_APPS: PlatformApp[] = [
  {
    name: 'api-gateway',
    main: 'apps/api-gateway/src/main.ts',
    // Empty variables mean "the default", as they do for the apps' own config.
    port: Number(envValue(process.env, 'GATEWAY_PORT') ?? envValue(process.env, 'PORT') ?? 3000),
    env: (ports) => ({
      SEED_DEMO: envValue(process.env, 'SEED_DEMO') ?? 'true',
      INCIDENT_SERVICE_URL: `http://127.0.0.1:${ports['incident-service']}`,
      PROBLEM_SERVICE_URL: `http://127.0.0.1:${ports['problem-service']}`,
      KNOWLEDGE_BASE_SERVICE_URL: `http://127.0.0.1:${ports['knowledge-base-service']}`,
      ASSET_SERVICE_URL: `http://127.0.0.1:${ports['asset-service']}`,
      REPORTING_SERVICE_URL: `http://127.0.0.1:${ports['reporting-service']}`,
      ...databaseOf('gateway', 'api-gateway'),
    }),
    consumes: [],
  },
  {
    name: 'incident-service',
    main: 'apps/incident-service/src/main.ts',
    port: Number(envValue(process.env, 'INCIDENT_SERVICE_PORT') ?? 3001),
    env: () => databaseOf('incident', 'incident-service'),
    consumes: [Topics.identityUser, Topics.identityGroup, Topics.problem],
  },
  {
    name: 'problem-service',
    main: 'apps/problem-service/src/main.ts',
    port: Number(envValue(process.env, 'PROBLEM_SERVICE_PORT') ?? 3002),
    env: () => databaseOf('problem', 'problem-service'),
    consumes: [Topics.incident, Topics.identityUser, Topics.identityGroup],
  },
  {
    name: 'knowledge-base-service',
    main: 'apps/knowledge-base-service/src/main.ts',
    port: Number(envValue(process.env, 'KNOWLEDGE_BASE_SERVICE_PORT') ?? 3003),
    env: () => databaseOf('knowledge', 'knowledge-base-service'),
    consumes: [Topics.incident, Topics.problem],
  },
  {
    name: 'asset-service',
    main: 'apps/asset-service/src/main.ts',
    port: Number(envValue(process.env, 'ASSET_SERVICE_PORT') ?? 3004),
    env: () => databaseOf('asset', 'asset-service'),
    consumes: [Topics.incident, Topics.identityUser],
  },
  {
    name: 'reporting-service',
    main: 'apps/reporting-service/src/main.ts',
    port: Number(envValue(process.env, 'REPORTING_SERVICE_PORT') ?? 3005),
    env: () => databaseOf('reporting', 'reporting-service'),
    consumes: [Topics.incident, Topics.knowledgeArticle, Topics.knowledgeHelpSession],
  },
];
