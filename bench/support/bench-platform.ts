/**
 * Starts the apps a benchmark needs, each on a free port with its own fresh database, on the local
 * PostgreSQL and Kafka (found or started as `npm start` does). Logs go to a temporary state folder,
 * at warn level so that logging does not dominate what is measured. Each app that consumes gets a consumer
 * group of its own, started at the topics' ends: it sees this run's events only, not the history other runs
 * left on the broker nor the events of a platform running beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { dropDatabase } from '@helpdesk/database';
import { ensureKafka, findFreePort } from '@helpdesk/local-kafka';
import { ensurePostgres } from '@helpdesk/local-postgres';
import { createConsumerGroupAtEnd } from '@helpdesk/testing';
import { Kafka, logLevel } from 'kafkajs';

export interface BenchPlatform {
  /** Base URL of the gateway, e.g. http://127.0.0.1:41234 */
  gatewayUrl: string;
  /** Base URL of each app by name (health, metrics). */
  appUrls: Record<string, string>;
  /** pids of the app processes by name, for memory sampling. */
  pids: Record<string, number>;
  /** Server URL of the PostgreSQL the apps use, and each app's database on it (to load data straight in). */
  postgresUrl: string;
  databases: Record<string, string>;
  stop(): Promise<void>;
}

export async function startBenchPlatform(appNames: string[]): Promise<BenchPlatform> {
  const stateDir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-'));
  // platform-processes reads its folders from PLATFORM_STATE_DIR when first loaded.
  process.env.PLATFORM_STATE_DIR = stateDir;
  const { PLATFORM_APPS } = await import('../../tools/platform/platform-apps');
  const { startApp, stopApp, waitReady } = await import('../../tools/platform/platform-processes');

  const postgres = await ensurePostgres();
  const kafka = await ensureKafka();
  const apps = PLATFORM_APPS.filter((a) => appNames.includes(a.name));
  const ports: Record<string, number> = {};
  for (const app of apps) ports[app.name] = await findFreePort();
  const suffix = randomBytes(3).toString('hex');
  const databases = apps.map((a) => `bench_${a.name.replace(/-/g, '_')}_${suffix}`);
  const brokers = kafka.brokers.split(',');
  const consumerGroups = Object.fromEntries(apps.map((a) => [a.name, `bench-${a.name}-${suffix}`]));

  type Running = ReturnType<typeof startApp>;
  const running: Running[] = [];
  const stop = async () => {
    for (const r of [...running].reverse()) await stopApp(r);
    for (const db of databases) await dropDatabase(postgres.url, db).catch(() => undefined);
    await deleteConsumerGroups(brokers, Object.values(consumerGroups)).catch(() => undefined);
    await kafka.stop();
    await postgres.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    for (const app of apps) {
      if (app.consumes.length > 0) await createConsumerGroupAtEnd(consumerGroups[app.name], app.consumes, brokers);
    }
    for (const [i, app] of apps.entries()) {
      const started = startApp(
        { ...app, port: ports[app.name] },
        {
          ...process.env,
          // Development mode: production refuses the demo logins the benchmark signs in with.
          NODE_ENV: 'development',
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
          PORT: String(ports[app.name]),
          DATABASE_URL: postgres.url,
          KAFKA_BROKERS: kafka.brokers,
          SEED_DEMO: 'true',
          ...app.env?.(ports),
          // After the app's own: a DATABASE_NAME_PREFIX in the caller's environment must not point it elsewhere.
          DATABASE_NAME: databases[i],
          KAFKA_CONSUMER_GROUP: consumerGroups[app.name],
        },
      );
      running.push(started);
      await waitReady(started);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports['api-gateway']}`,
    appUrls: Object.fromEntries(apps.map((a) => [a.name, `http://127.0.0.1:${ports[a.name]}`])),
    pids: Object.fromEntries(running.map((r) => [r.app.name, r.child.pid!])),
    postgresUrl: postgres.url,
    databases: Object.fromEntries(apps.map((a, i) => [a.name, databases[i]])),
    stop,
  };
}

/** The run's consumer groups are of no use after it: leave the broker's group list as it was. */
async function deleteConsumerGroups(brokers: string[], groups: string[]): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    const ours = groups.filter((g) => existing.has(g));
    if (ours.length > 0) await admin.deleteGroups(ours);
  } finally {
    await admin.disconnect();
  }
}
