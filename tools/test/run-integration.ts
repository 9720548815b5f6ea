/**
 * Runs the integration suites against real servers: PostgreSQL (DATABASE_URL, the local server or an
 * embedded one) and Kafka (KAFKA_BROKERS, a broker already on 127.0.0.1:9092, or one started here from
 * the Apache Kafka jars). What this script starts, it stops.
 *   node -r @swc-node/register tools/test/run-integration.ts [--project apps/api-gateway] [jest args...]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafka } from '@helpdesk/local-kafka';
import { ensurePostgres } from '@helpdesk/local-postgres';

async function main() {
  const args = process.argv.slice(2);
  const projectIndex = args.indexOf('--project');
  let config = 'jest.integration.config.js';
  if (projectIndex >= 0) {
    const project = args.splice(projectIndex, 2)[1];
    config = join(project, 'jest.integration.config.js');
    if (!existsSync(config)) {
      console.log(`${project} has no integration tests`);
      return 0;
    }
  }

  const postgres = await ensurePostgres();
  console.log(`PostgreSQL: ${postgres.kind} (${redact(postgres.url)})`);
  const t0 = Date.now();
  const kafka = await ensureKafka();
  console.log(`Kafka: ${kafka.brokers} (${kafka.started ? `started in ${Date.now() - t0} ms` : 'already running'})`);

  let code = 1;
  try {
    // testTimeout is global: with several projects a project config cannot set it.
    const timeout = args.some((a) => a.startsWith('--testTimeout')) ? [] : ['--testTimeout=180000'];
    code = await run('npx', ['jest', '-c', config, '--ci', '--runInBand', ...timeout, ...args], {
      ...process.env,
      DATABASE_URL: postgres.url,
      KAFKA_BROKERS: kafka.brokers,
    });
  } finally {
    await kafka.stop();
    await postgres.stop();
  }
  return code;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function redact(url: string): string {
  return url.replace(/:\/\/([^:@/]+):[^@/]+@/, '://$1:***@');
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
