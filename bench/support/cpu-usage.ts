import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; 0 when it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Summed CPU seconds of every process whose command name is `comm` (e.g. all PostgreSQL backends). */
export function commandCpuSeconds(comm: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) total += processCpuSeconds(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

export type CpuSnapshot = Record<string, number>;

/** CPU seconds of each benchmarked app, PostgreSQL, the Kafka broker(s) and the load generator itself. */
export function cpuSnapshot(pids: Record<string, number>): CpuSnapshot {
  const self = process.cpuUsage();
  return {
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid)])),
    postgres: commandCpuSeconds('postgres'),
    kafka: commandCpuSeconds('java'),
    'load generator': (self.user + self.system) / 1e6,
  };
}

/** CPU milliseconds per request for each part, between two snapshots. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): Record<string, number> {
  return Object.fromEntries(
    Object.keys(after).map((k) => [k, requests > 0 ? Math.round(((after[k] - before[k]) * 1000 * 100) / requests) / 100 : 0]),
  );
}
