/**
 * Impact analysis on generated CMDBs of 10,000 and 100,000 CIs: the asset service (its real AppModule, on a
 * free port, over a throw-away database) answers GET /assets/{id}/impact one request at a time over HTTP
 * with keep-alive (auth, validation, the recursive CTE, mapping). The CMDB is the one the integration
 * test checks against a BFS (apps/asset-service/test/relationships-cmdb.generator.ts): services → apps →
 * servers → access switches → core switches, laptops and installations, random depends_on edges and loops.
 *
 *   node -r @swc-node/register bench/cmdb-impact.bench.ts
 *   BENCH_SIZES=10000 BENCH_QUERIES=100 node -r @swc-node/register bench/cmdb-impact.bench.ts
 *
 * Uses PostgreSQL and Kafka as `npm start` does (DATABASE_URL / KAFKA_BROKERS, else local ones).
 */
import { availableParallelism } from 'node:os';
import { ensureKafka } from '@helpdesk/local-kafka';
import { ensurePostgres } from '@helpdesk/local-postgres';
import { startServiceTestApp, TestTokenSigner } from '@helpdesk/testing';
import { AppModule, GLOBAL_PREFIX, SERVICE_NAME } from '../apps/asset-service/src/app.module';
import { generateCmdb, GeneratedCmdb } from '../apps/asset-service/test/relationships-cmdb.generator';
import { writeResults } from './support/bench-report';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 50);
const WARM_UP = 5;

interface Scenario {
  label: string;
  /** The CIs to ask about, in turn. */
  starts: (cmdb: GeneratedCmdb) => string[];
  query: string;
}

const SCENARIOS: Scenario[] = [
  {
    label: 'services behind an access switch',
    starts: (c) => c.accessSwitches,
    query: 'direction=upstream&ciType=business_service',
  },
  {
    label: 'services behind a core switch',
    starts: (c) => c.coreSwitches,
    query: 'direction=upstream&ciType=business_service',
  },
  {
    label: 'all behind an access switch (depth 50)',
    starts: (c) => c.accessSwitches,
    query: 'direction=upstream&maxDepth=50&limit=10000',
  },
  {
    label: 'all a service needs (depth 50)',
    starts: (c) => c.businessServices,
    query: 'direction=downstream&maxDepth=50&limit=10000',
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(size: number) {
  const signer = TestTokenSigner.create();
  const service = await startServiceTestApp({
    serviceName: SERVICE_NAME,
    globalPrefix: GLOBAL_PREFIX,
    loadModule: (env) => AppModule.forRoot(env),
    databasePrefix: `bench_cmdb_${size}`,
    consumeEvents: false,
    env: { AUTH_PUBLIC_KEY: signer.publicKeyPem, LOG_LEVEL: 'warn' },
  });
  try {
    const cmdb = await generateCmdb(service.dataSource, size);
    console.log(`${cmdb.cis} CIs, ${cmdb.edges} relationships generated in ${cmdb.seconds.toFixed(1)} s`);
    await service.app.listen(0, '127.0.0.1');
    const base = `${await service.app.getUrl()}/${GLOBAL_PREFIX}`;
    const authorization = await signer.bearer({
      id: '00000000-0000-4000-8000-000000000001',
      email: 'agent@example.com',
      name: 'Bench agent',
      roles: ['agent'],
    });
    const ask = async (id: string, query: string) => {
      const started = process.hrtime.bigint();
      const response = await fetch(`${base}/assets/${id}/impact?${query}`, { headers: { authorization } });
      const body = (await response.json()) as { count: number };
      if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, count: body.count };
    };
    const rows = [];
    for (const scenario of SCENARIOS) {
      const starts = scenario.starts(cmdb);
      for (let i = 0; i < WARM_UP; i++) await ask(starts[i % starts.length], scenario.query);
      const ms: number[] = [];
      const counts: number[] = [];
      for (let i = 0; i < QUERIES; i++) {
        const r = await ask(starts[i % starts.length], scenario.query);
        ms.push(r.ms);
        counts.push(r.count);
      }
      const sorted = [...ms].sort((a, b) => a - b);
      const round = (x: number) => Math.round(x * 10) / 10;
      counts.sort((a, b) => a - b);
      rows.push({
        CIs: size,
        query: scenario.label,
        n: ms.length,
        'reached (median)': percentile(counts, 50),
        'p50 ms': round(percentile(sorted, 50)),
        'p95 ms': round(percentile(sorted, 95)),
        'p99 ms': round(percentile(sorted, 99)),
        'max ms': round(sorted[sorted.length - 1]),
      });
    }
    return { cis: cmdb.cis, edges: cmdb.edges, generationSeconds: cmdb.seconds, rows };
  } finally {
    await service.close();
  }
}

async function main() {
  const postgres = await ensurePostgres();
  const kafka = await ensureKafka();
  process.env.DATABASE_URL ??= postgres.url;
  process.env.KAFKA_BROKERS ??= kafka.brokers;
  console.log(`PostgreSQL: ${postgres.kind}; Kafka: ${kafka.brokers}; ${availableParallelism()} cores; ${QUERIES} queries each`);
  try {
    const runs = [];
    for (const size of SIZES) runs.push(await measure(size));
    const table = runs.flatMap((r) => r.rows);
    console.table(table);
    const file = writeResults('cmdb-impact', {
      at: new Date().toISOString(),
      cores: availableParallelism(),
      postgres: postgres.kind,
      runs,
    });
    console.log(`Results: ${file}`);
  } finally {
    await kafka.stop();
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
