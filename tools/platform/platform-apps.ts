import { envValue } from '@helpdesk/config';

/** DATABASE_NAME_PREFIX (tests): each app gets its own database, <prefix>_<app>, as in production. */
function databaseOf(app: string): Record<string, string> {
  const prefix = envValue(process.env, 'DATABASE_NAME_PREFIX');
  return prefix ? { DATABASE_NAME: `${prefix}_${app}` } : {};
}

/** The apps `npm start` runs, in start order; each later issue adds its service here. */
export interface PlatformApp {
  name: string;
  main: string;
  port: number;
  /** Environment this app needs beyond the shared one (given the ports of the others). */
  env?: (ports: Record<string, number>) => Record<string, string>;
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
      KNOWLEDGE_BASE_SERVICE_URL: `http://127.0.0.1:${ports['knowledge-base-service']}`,
      ...databaseOf('gateway'),
    }),
  },
  {
    name: 'incident-service',
    main: 'apps/incident-service/src/main.ts',
    port: Number(envValue(process.env, 'INCIDENT_SERVICE_PORT') ?? 3001),
    env: () => databaseOf('incident'),
  },
  {
    name: 'knowledge-base-service',
    main: 'apps/knowledge-base-service/src/main.ts',
    port: Number(envValue(process.env, 'KNOWLEDGE_BASE_SERVICE_PORT') ?? 3003),
    env: () => databaseOf('knowledge'),
  },
];
