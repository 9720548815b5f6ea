import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LoadResult } from './load';

/** Peak resident memory (VmHWM) of a process in MiB, from /proc; null when it is gone. */
export function peakMemoryMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
    return Number.isFinite(kib) ? Math.round(kib / 1024) : null;
  } catch {
    return null;
  }
}

export function printLoadTable(title: string, rows: LoadResult[]): void {
  console.log(`\n${title}`);
  console.table(
    rows.map((r) => ({
      run: r.label,
      'offered/s': r.offeredRate ?? 'max',
      'ok/s': r.throughput,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'max ms': r.max,
      ok: r.ok,
      'non-2xx': r.failed,
      errors: r.errors,
    })),
  );
  const withCpu = rows.filter((r) => r.cpuMsPerRequest);
  if (withCpu.length === 0) return;
  console.log('CPU ms per request');
  console.table(withCpu.map((r) => ({ run: r.label, ...r.cpuMsPerRequest })));
}

/** bench/results/<name>-<timestamp>.json; returns the path. */
export function writeResults(name: string, data: unknown): string {
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}
