/**
 * HTTP load with autocannon: a fixed offered rate (latency with coordinated omission corrected) or
 * as fast as the connections go (throughput). Requests are built per call so bodies can differ.
 */
import autocannon from 'autocannon';
import { cpuPerRequest, cpuSnapshot } from './cpu-usage';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Path (and body) of the next request; called for every request sent. */
  next: () => { path: string; body?: string };
  connections: number;
  durationSeconds: number;
  /** Offered requests per second over all connections; unset = unlimited. */
  rate?: number;
}

export interface LoadResult {
  label: string;
  offeredRate: number | null;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  ok: number;
  failed: number;
  errors: number;
  /** CPU milliseconds per successful request of each process involved (see cpu-usage.ts). */
  cpuMsPerRequest?: Record<string, number>;
}

export async function runLoad(label: string, spec: LoadSpec, pids?: Record<string, number>): Promise<LoadResult> {
  const cpuBefore = pids && cpuSnapshot(pids);
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    overallRate: spec.rate,
    requests: [
      {
        method: spec.method,
        headers: spec.headers,
        setupRequest: (req: autocannon.Request) => {
          const { path, body } = spec.next();
          return { ...req, path, ...(body === undefined ? {} : { body }) };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    label,
    offeredRate: spec.rate ?? null,
    throughput: Math.round(ok / spec.durationSeconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok,
    failed: result.non2xx,
    errors: result.errors,
    cpuMsPerRequest: pids && cpuBefore ? cpuPerRequest(cpuBefore, cpuSnapshot(pids), ok) : undefined,
  };
}
