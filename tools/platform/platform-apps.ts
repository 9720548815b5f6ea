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
    port: Number(process.env.GATEWAY_PORT ?? process.env.PORT ?? 3000),
    env: () => ({ SEED_DEMO: process.env.SEED_DEMO ?? 'true' }),
  },
];
