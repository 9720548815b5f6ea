/**
 * Runs the whole platform in the foreground: PostgreSQL and Kafka (found or started), then every app
 * (migrations and the demo seed run at their start-up), logs under .local/logs. Ctrl-C, SIGTERM or
 * `npm run stop` shuts everything down cleanly, apps first, then what this script started.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafka } from '@helpdesk/local-kafka';
import { ensurePostgres } from '@helpdesk/local-postgres';
import { envValue } from '@helpdesk/config';
import { DEFAULT_DEMO_PASSWORD, DEMO_LOGINS } from '@helpdesk/contracts';
import { PLATFORM_APPS } from './platform-apps';
import { LOG_DIR, RUN_DIR, RunningApp, startApp, stopApp, waitReady } from './platform-processes';

const PID_FILE = join(RUN_DIR, 'platform.pid');

async function up(): Promise<void> {
  if (existsSync(PID_FILE) && isAlive(Number(readFileSync(PID_FILE, 'utf8')))) {
    throw new Error(`The platform already runs (pid ${readFileSync(PID_FILE, 'utf8')}); stop it with npm run stop`);
  }
  const t0 = Date.now();
  const postgres = await ensurePostgres();
  log(`PostgreSQL: ${postgres.kind}`);
  const kafka = await ensureKafka();
  log(`Kafka: ${kafka.brokers}${kafka.started ? ' (started)' : ' (already running)'}`);

  const ports = Object.fromEntries(PLATFORM_APPS.map((a) => [a.name, a.port]));
  const running: RunningApp[] = [];
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping…`);
    for (const app of [...running].reverse()) await stopApp(app);
    await kafka.stop();
    await postgres.stop();
    rmSync(PID_FILE, { force: true });
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  mkdirSync(RUN_DIR, { recursive: true });
  writeFileSync(PID_FILE, String(process.pid));

  try {
    for (const app of PLATFORM_APPS) {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: process.env.NODE_ENV ?? 'development',
        PORT: String(app.port),
        DATABASE_URL: postgres.url,
        KAFKA_BROKERS: kafka.brokers,
        ...app.env?.(ports),
      };
      const started = startApp(app, env);
      running.push(started);
      started.child.on('exit', (code, signal) => {
        if (!stopping) log(`✗ ${app.name} exited (${signal ?? code}); see ${started.logFile}`);
      });
      await waitReady(started);
      log(`✓ ${app.name} ready on http://localhost:${app.port}`);
    }
  } catch (error) {
    log(`✗ ${(error as Error).message}`);
    await shutdown('start-up failed');
    return;
  }

  // The gateway reads an empty DEMO_PASSWORD as unset (its default) too.
  const password = envValue(process.env, 'DEMO_PASSWORD') ?? DEFAULT_DEMO_PASSWORD;
  const gateway = ports['api-gateway'];
  process.stdout.write(
    [
      '',
      `The help desk is up (${Math.round((Date.now() - t0) / 1000)} s).`,
      `  API            http://localhost:${gateway}/api/v1`,
      `  API docs       http://localhost:${gateway}/api/docs`,
      `  Health         http://localhost:${gateway}/health/ready`,
      `  Logs           ${LOG_DIR}/<app>.log`,
      '',
      `Demo logins (password: ${password}):`,
      ...DEMO_LOGINS.map((l) => `  ${l.email.padEnd(32)} ${l.note}`),
      '',
      'Ctrl-C (or `npm run stop` from another terminal) stops everything.',
      '',
    ].join('\n'),
  );
}

async function down(): Promise<void> {
  if (!existsSync(PID_FILE)) {
    log('The platform is not running (no .local/run/platform.pid)');
    return;
  }
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  if (!isAlive(pid)) {
    rmSync(PID_FILE, { force: true });
    log('The platform was not running; removed its stale pid file');
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  log(isAlive(pid) ? `pid ${pid} is still running after 60 s` : 'stopped');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function log(message: string) {
  process.stdout.write(`[platform] ${message}\n`);
}

const command = process.argv[2] ?? 'up';
(command === 'down' ? down() : up()).catch((error) => {
  process.stderr.write(`[platform] ${(error as Error).message}\n`);
  process.exit(1);
});
