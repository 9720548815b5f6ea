/**
 * How soon a resolution shows in the reports: an employee opens an incident on the portal, an agent
 * assigns it to themselves in the Service Desk, starts and resolves it (each through the gateway), and the
 * clock runs from the resolve answer until GET /reports/volume, filtered to the incident's own CI, counts
 * it as resolved. The path measured: the incident service's transaction and outbox relay, Kafka, the
 * reporting service's consumer and projection, and the report's query.
 */
import { Actor, ApiResponse } from '../../tools/platform/test/support/gateway-client';
import { LatencyStats, latencyStats } from './latency-stats';

export interface PropagationActors {
  employee: Actor;
  agent: Actor;
  /** Reads the reports (admin or supervisor). */
  reader: Actor;
  serviceDeskId: string;
}

export interface PropagationSample {
  /** Resolve request sent → its answer. */
  resolveMs: number;
  /** Resolve answer → the first report answer that counts the incident as resolved. */
  visibleMs: number;
  polls: number;
}

const POLL_INTERVAL_MS = 25;
const GIVE_UP_MS = 30_000;

/** A CI id no generated incident has: the report filtered to it counts this sample's incident alone. */
const ciOf = (runId: string, n: number) => `BENCH-PROP-${runId}-${n}`;

/** The body of an answer that must have `status`; anything else stops the benchmark. */
async function ok(what: string, answer: Promise<ApiResponse>, status: number): Promise<ApiResponse['body']> {
  const res = await answer;
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}

export async function propagationSample(actors: PropagationActors, runId: string, n: number): Promise<PropagationSample> {
  const { employee, agent, reader } = actors;
  const ciId = ciOf(runId, n);
  const since = new Date(Date.now() - 60_000).toISOString();
  const incident = await ok(
    'open',
    employee.post('/incidents', {
      shortDescription: `ベンチマーク ${n}: Excel が保存時に落ちる`,
      description: 'Saving a workbook on the file share closes Excel. 保存すると Excel が終了します。',
      ciId,
    }),
    201,
  );
  await ok(
    'assign',
    agent.post(`/incidents/${incident.id}/assign`, { assignmentGroupId: actors.serviceDeskId, assigneeId: agent.id }),
    200,
  );
  await ok('start', agent.post(`/incidents/${incident.id}/start`), 200);
  const resolveSent = performance.now();
  await ok(
    'resolve',
    agent.post(`/incidents/${incident.id}/resolve`, {
      resolutionCode: 'solved_remotely',
      resolutionNotes: 'Office を修復し、共有フォルダのキャッシュを消去しました。',
    }),
    200,
  );
  const resolved = performance.now();
  const query = new URLSearchParams({ ci: ciId, from: since });
  for (let polls = 1; ; polls++) {
    const report = await ok('volume report', reader.get(`/reports/volume?${query}`), 200);
    if (Number(report.total.resolved) >= 1) {
      return { resolveMs: resolved - resolveSent, visibleMs: performance.now() - resolved, polls };
    }
    if (performance.now() - resolved > GIVE_UP_MS)
      throw new Error(`incident ${incident.number} not in the reports after ${GIVE_UP_MS} ms`);
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
}

export interface PropagationRun {
  label: string;
  samples: PropagationSample[];
  visible: LatencyStats;
  resolve: LatencyStats;
}

/** `workers` loops side by side, `perWorker` samples each, numbered from `firstN`. */
export async function propagationRun(
  label: string,
  actors: PropagationActors,
  runId: string,
  firstN: number,
  workers: number,
  perWorker: number,
): Promise<PropagationRun> {
  const samples: PropagationSample[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < perWorker; i++) samples.push(await propagationSample(actors, runId, firstN + w * perWorker + i));
    }),
  );
  return {
    label,
    samples,
    visible: latencyStats(samples.map((s) => s.visibleMs)),
    resolve: latencyStats(samples.map((s) => s.resolveMs)),
  };
}

/**
 * Right after start-up the incident service may not know the demo people and groups yet (they come as
 * identity events), nor the reporting consumer have joined: one sample, tried again until it goes through.
 */
export async function firstPropagationSample(actors: PropagationActors, runId: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let n = -1; ; n--) {
    try {
      await propagationSample(actors, runId, n);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
