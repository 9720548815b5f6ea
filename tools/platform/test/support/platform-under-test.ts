/**
 * `npm start`'s orchestrator (platform.cli.ts up) as a child process of an end-to-end spec: its own
 * database, free ports for every app and its own state dir (logs, pid file), so it runs beside a
 * developer's platform and other specs. Kafka is whatever KAFKA_BROKERS names (tools/test/run-integration.ts
 * sets it), which the orchestrator's ensureKafka honours and passes on to every app.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase } from '@helpdesk/database';
import { Client } from 'pg';
import { createConsumerGroupAtEnd, freePort, testDatabaseServerUrl } from '@helpdesk/testing';
import { PLATFORM_APPS, platformConsumerGroup } from '../../platform-apps';

const REPO_ROOT = join(__dirname, '../../../..');
/** What platform.cli.ts prints once every app answers /health/ready. */
const UP_BANNER = 'The help desk is up';
const START_TIMEOUT_MS = 200_000;
const STOP_GRACE_MS = 60_000;

export interface PlatformUnderTest {
  readonly gatewayPort: number;
  readonly incidentServicePort: number;
  /** Prefix of its databases, one per app: <prefix>_gateway, <prefix>_incident, … */
  readonly database: string;
  /** Everything the orchestrator printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, as Ctrl-C or `npm run stop` would; resolves with the orchestrator's exit code. */
  stop(): Promise<number | null>;
  /** For afterAll: stops it if it still runs, drops its database and removes its state dir. */
  dispose(): Promise<void>;
}

/** Starts the platform and resolves once it printed that it is up (rejects with its output if it dies first). */
export async function startPlatform(label: string): Promise<PlatformUnderTest> {
  const gatewayPort = await freePort();
  let incidentServicePort = await freePort();
  while (incidentServicePort === gatewayPort) incidentServicePort = await freePort();
  const taken = [gatewayPort, incidentServicePort];
  const nextFreePort = async () => {
    let port = await freePort();
    while (taken.includes(port)) port = await freePort();
    taken.push(port);
    return port;
  };
  const knowledgeServicePort = await nextFreePort();
  const problemServicePort = await nextFreePort();
  const assetServicePort = await nextFreePort();
  const reportingServicePort = await nextFreePort();
  const stateDir = mkdtempSync(join(tmpdir(), `platform-${label}-`));
  const database = `t_${label}_${randomBytes(4).toString('hex')}`;

  // Its apps' consumer groups start at the topics' ends: this platform sees its own events only, not the
  // history other suites left on the shared test broker (an imported incident there would count here).
  for (const app of PLATFORM_APPS.filter((a) => a.consumes.length > 0)) {
    await createConsumerGroupAtEnd(platformConsumerGroup(app.name, database), app.consumes);
  }

  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/platform/platform.cli.ts', 'up'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      GATEWAY_PORT: String(gatewayPort),
      INCIDENT_SERVICE_PORT: String(incidentServicePort),
      KNOWLEDGE_BASE_SERVICE_PORT: String(knowledgeServicePort),
      PROBLEM_SERVICE_PORT: String(problemServicePort),
      ASSET_SERVICE_PORT: String(assetServicePort),
      REPORTING_SERVICE_PORT: String(reportingServicePort),
      PLATFORM_STATE_DIR: stateDir,
      // One database per app (<prefix>_gateway, <prefix>_incident, …), as in production.
      DATABASE_NAME_PREFIX: database,
      SEED_DEMO: 'true',
      // Empty means "the default" for the gateway's config, and so for what the orchestrator prints.
      DEMO_PASSWORD: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<number | null> => {
    if (isRunning(child)) child.kill('SIGTERM');
    return exited;
  };
  const dispose = async (): Promise<void> => {
    if (isRunning(child)) {
      // SIGKILL only as a last resort: it would leave the apps the orchestrator started running.
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await stop();
      clearTimeout(timer);
    }
    await dropDatabasesStartingWith(`${database}_`);
    rmSync(stateDir, { recursive: true, force: true });
  };
  const platform: PlatformUnderTest = { gatewayPort, incidentServicePort, database, output: () => output, stop, dispose };

  try {
    await untilUp(child, exited, () => output);
  } catch (error) {
    await dispose();
    throw error;
  }
  return platform;
}

function untilUp(child: ChildProcess, exited: Promise<number | null>, output: () => string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`platform did not come up in ${START_TIMEOUT_MS / 1000} s:\n${output()}`)),
      START_TIMEOUT_MS,
    );
    const check = () => {
      if (!output().includes(UP_BANNER)) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${output()}`));
    });
  });
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function dropDatabasesStartingWith(prefix: string): Promise<void> {
  const client = new Client({ connectionString: testDatabaseServerUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
      prefix,
    ]);
    for (const { datname } of rows) await dropDatabase(testDatabaseServerUrl(), datname).catch(() => undefined);
  } finally {
    await client.end();
  }
}
