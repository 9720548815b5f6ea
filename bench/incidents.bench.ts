/**
 * Incident creation and read-by-id through the gateway (auth, forwarding, the incident service's
 * transaction with routing, SLA, history and outbox), at fixed offered rates and flat out.
 *
 *   npm run bench:incidents            (BENCH_SECONDS per run, default 10)
 *
 * Targets (issue 3, 2 cores): creations ≥ 1,000/s at the top and p99 < 50 ms at 500/s;
 * reads by id ≥ 3,000/s with p99 < 20 ms.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_DEMO_PASSWORD } from '@helpdesk/contracts';
import { startBenchPlatform } from './support/bench-platform';
import { peakMemoryMiB, printLoadTable, writeResults } from './support/bench-report';
import { LoadResult, runLoad } from './support/load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CREATE_RATES = [100, 250, 500];
const READ_RATES = [1000, 3000];
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function main() {
  console.log(`Starting the gateway and the incident service (${availableParallelism()} cores)…`);
  const platform = await startBenchPlatform(['api-gateway', 'incident-service']);
  try {
    const api = `${platform.gatewayUrl}/api/v1`;
    const employee = await signIn(api, 'employee@example.com');
    const agent = await signIn(api, 'agent@example.com');
    await waitUntilIncidentServiceKnows(api, employee);

    let n = 0;
    const createBody = () =>
      JSON.stringify({
        shortDescription: `ベンチマーク ${++n}: VPN に繋がらない`,
        description: 'Since this morning the VPN client says the authentication failed. 在宅勤務中です。',
        channel: 'portal',
        impact: 1 + (n % 3),
        urgency: 1 + ((n >> 1) % 3),
      });
    const create = (label: string, rate?: number) =>
      runLoad(
        label,
        {
          url: api,
          method: 'POST',
          headers: { authorization: employee, 'content-type': 'application/json' },
          next: () => ({ path: '/api/v1/incidents', body: createBody() }),
          connections: CONNECTIONS,
          durationSeconds: SECONDS,
          rate,
        },
        platform.pids,
      );

    const creates: LoadResult[] = [];
    await create('warm-up', 100);
    for (const rate of CREATE_RATES) {
      creates.push(await create(`create @${rate}/s`, rate));
      await outboxDrained(platform.appUrls['incident-service']);
    }
    creates.push(await create('create flat out'));
    const createEnd = Date.now();
    await outboxDrained(platform.appUrls['incident-service']);
    const outboxDrainSeconds = (Date.now() - createEnd) / 1000;

    const ids = await incidentIds(api, agent, 2000);
    let i = 0;
    const read = (label: string, rate?: number) =>
      runLoad(
        label,
        {
          url: api,
          method: 'GET',
          headers: { authorization: agent },
          next: () => ({ path: `/api/v1/incidents/${ids[i++ % ids.length]}` }),
          connections: CONNECTIONS,
          durationSeconds: SECONDS,
          rate,
        },
        platform.pids,
      );
    const reads: LoadResult[] = [];
    await read('warm-up', 500);
    for (const rate of READ_RATES) reads.push(await read(`read @${rate}/s`, rate));
    reads.push(await read('read flat out'));

    const memory = Object.fromEntries(Object.entries(platform.pids).map(([name, pid]) => [name, peakMemoryMiB(pid)]));
    printLoadTable(
      `Create incident (POST /api/v1/incidents as an employee, ${CONNECTIONS} connections, ${SECONDS} s each)`,
      creates,
    );
    console.log(`Outbox drained ${outboxDrainSeconds.toFixed(1)} s after the flat-out run ended.`);
    printLoadTable(`Read incident by id (GET /api/v1/incidents/{id} as an agent, over ${ids.length} incidents)`, reads);
    console.log('Peak memory (MiB):', memory);
    const file = writeResults('incidents', {
      at: new Date().toISOString(),
      cores: availableParallelism(),
      secondsPerRun: SECONDS,
      connections: CONNECTIONS,
      creates,
      outboxDrainSeconds,
      reads,
      peakMemoryMiB: memory,
    });
    console.log(`Results: ${file}`);
  } finally {
    await platform.stop();
  }
}

async function signIn(api: string, email: string): Promise<string> {
  const res = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
}

/** The incident service learns users from identity events; until then it refuses unknown callers. */
async function waitUntilIncidentServiceKnows(api: string, bearer: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${api}/incidents?limit=1`, { headers: { authorization: bearer } });
    if (res.ok) return;
    if (Date.now() > deadline)
      throw new Error(`incident service not ready for the demo users: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function incidentIds(api: string, bearer: string, max: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  while (ids.length < max) {
    const res = await fetch(`${api}/incidents?scope=all&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      headers: { authorization: bearer },
    });
    if (!res.ok) throw new Error(`list incidents: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...page.items.map((x) => x.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

/** Waits until the relay has published every outbox row (outbox_unsent_messages is 0). */
async function outboxDrained(serviceUrl: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const metrics = await (await fetch(`${serviceUrl}/metrics`)).text();
    const unsent = metrics
      .split('\n')
      .filter((l) => l.startsWith('outbox_unsent_messages'))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
    if (unsent === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the outbox did not drain within 5 minutes');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
