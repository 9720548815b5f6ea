/**
 * The report requests a supervisor's dashboard sends: every report over the last 30, 90 and 365 days, by
 * each groupBy it takes, plus a CSV download of each; timed one at a time and N at a time through the gateway.
 */
import { LatencyStats, latencyStats } from './latency-stats';

export const REPORTS = [
  'summary',
  'mttr',
  'mtta',
  'fcr',
  'flr',
  'sla',
  'reopen',
  'backlog',
  'csat',
  'deflection',
  'volume',
] as const;
export type ReportName = (typeof REPORTS)[number];

const GROUP_BYS = ['day', 'week', 'month', 'group', 'agent', 'category', 'priority', 'channel', 'ci'] as const;
const TIME_GROUP_BYS = ['day', 'week', 'month'];
export const PERIOD_DAYS = [30, 90, 365] as const;
const TIME_ZONE = 'Asia/Tokyo';

export interface ReportRequest {
  report: ReportName;
  periodDays: number;
  groupBy: string | null;
  csv: boolean;
  /** Path and query below the gateway's origin. */
  path: string;
  /** report, period and groupBy, for tables. */
  label: string;
}

export interface TimedRequest {
  request: ReportRequest;
  ms: number;
  /** CPU milliseconds each measured process spent on it (one request at a time only). */
  cpuMs?: Record<string, number>;
}

/**
 * CPU seconds so far of each process that serves a report (see cpu-usage.ts), keyed `part` or `part#pid`
 * when a part is several processes (database connections come and go): a request's cost per part is the
 * sum of its processes' increases, a process that appeared meanwhile counting whole.
 */
export type CpuProbe = () => Promise<Record<string, number>>;

function cpuSpent(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const [key, seconds] of Object.entries(after)) {
    const part = key.split('#')[0];
    spent[part] = (spent[part] ?? 0) + (seconds - (before[key] ?? 0)) * 1000;
  }
  return spent;
}

/** YYYY-MM-DD of the day `daysBack` days before `now` in Asia/Tokyo (the reports' default zone). */
function tokyoDate(now: Date, daysBack: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(now.getTime() - daysBack * 86_400_000),
  );
}

function groupBysOf(report: ReportName): Array<string | null> {
  if (report === 'summary') return [null];
  if (report === 'deflection') return [null, ...TIME_GROUP_BYS];
  return [null, ...GROUP_BYS];
}

/** Every report × period × groupBy it takes, and each report's 90 days by week as CSV. */
export function reportRequests(now: Date): ReportRequest[] {
  const requests: ReportRequest[] = [];
  for (const report of REPORTS) {
    for (const periodDays of PERIOD_DAYS) {
      for (const groupBy of groupBysOf(report)) requests.push(request(report, periodDays, groupBy, false, now));
    }
    requests.push(request(report, 90, report === 'summary' ? null : 'week', true, now));
  }
  return requests;
}

function request(report: ReportName, periodDays: number, groupBy: string | null, csv: boolean, now: Date): ReportRequest {
  const query = new URLSearchParams({ from: tokyoDate(now, periodDays) });
  if (groupBy) query.set('groupBy', groupBy);
  if (csv) query.set('format', 'csv');
  return {
    report,
    periodDays,
    groupBy,
    csv,
    path: `/api/v1/reports/${report}?${query}`,
    label: `${report} ${periodDays} d${groupBy ? ` by ${groupBy}` : ''}${csv ? ' (CSV)' : ''}`,
  };
}

/** One request, timed from sending to the last byte of the answer; anything but 200 stops the benchmark. */
export async function timeRequest(gatewayUrl: string, authorization: string, request: ReportRequest): Promise<TimedRequest> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${gatewayUrl}${request.path}`, { headers: { authorization } });
  const body = await res.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 200) throw new Error(`${request.label}: ${res.status} ${body.slice(0, 500)}`);
  if (!request.csv && !('total' in (JSON.parse(body) as object)))
    throw new Error(`${request.label}: no total in ${body.slice(0, 200)}`);
  return { request, ms };
}

/** The requests in order, `concurrency` in flight at a time; returns each one's time and the wall time. */
export async function runRequests(
  gatewayUrl: string,
  /** A current `Bearer …` (access tokens expire during a long run). */
  authorization: () => Promise<string>,
  requests: readonly ReportRequest[],
  concurrency: number,
  /** One at a time only: what each request cost in CPU, whatever else runs on the machine. */
  cpu?: CpuProbe,
): Promise<{ timed: TimedRequest[]; seconds: number }> {
  const timed: TimedRequest[] = [];
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const bearer = await authorization();
      const before = await cpu?.();
      const result = await timeRequest(gatewayUrl, bearer, request);
      if (before) result.cpuMs = cpuSpent(before, await cpu!());
      timed.push(result);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { timed, seconds: (Date.now() - started) / 1000 };
}

export interface ReportLatencyRow extends LatencyStats {
  report: string;
  /** The request of this report with the highest median, and that median. */
  slowest: string;
  slowestP50: number;
  /** Mean CPU milliseconds per request of each measured process (when measured). */
  cpuMs?: Record<string, number>;
}

/** Mean CPU ms per request by process; /proc counts in 10 ms ticks, so only a mean over many is meaningful. */
function meanCpu(timed: readonly TimedRequest[]): Record<string, number> | undefined {
  const measured = timed.filter((t) => t.cpuMs);
  if (measured.length === 0) return undefined;
  const parts = Object.keys(measured[0].cpuMs!);
  return Object.fromEntries(
    parts.map((p) => [p, Math.round((measured.reduce((sum, t) => sum + (t.cpuMs![p] ?? 0), 0) / measured.length) * 10) / 10]),
  );
}

/** Per report over all its requests, and one row for all of them. */
export function latencyByReport(timed: readonly TimedRequest[]): ReportLatencyRow[] {
  const rows: ReportLatencyRow[] = [];
  for (const report of [...REPORTS, null]) {
    const mine = timed.filter((t) => report === null || t.request.report === report);
    if (mine.length === 0) continue;
    const byLabel = new Map<string, number[]>();
    for (const t of mine) byLabel.set(t.request.label, [...(byLabel.get(t.request.label) ?? []), t.ms]);
    const [slowest, slowestP50] = [...byLabel.entries()]
      .map(([label, ms]) => [label, latencyStats(ms).p50] as const)
      .reduce((a, b) => (b[1] > a[1] ? b : a));
    rows.push({
      report: report ?? 'all reports',
      ...latencyStats(mine.map((t) => t.ms)),
      slowest,
      slowestP50,
      cpuMs: meanCpu(mine),
    });
  }
  return rows;
}

/** Per report and period (CSV downloads apart). */
export function latencyByReportAndPeriod(
  timed: readonly TimedRequest[],
): Array<{ report: string; period: string } & LatencyStats> {
  const rows: Array<{ report: string; period: string } & LatencyStats> = [];
  for (const report of REPORTS) {
    for (const periodDays of PERIOD_DAYS) {
      const ms = timed
        .filter((t) => t.request.report === report && t.request.periodDays === periodDays && !t.request.csv)
        .map((t) => t.ms);
      if (ms.length) rows.push({ report, period: `${periodDays} d`, ...latencyStats(ms) });
    }
    const csv = timed.filter((t) => t.request.report === report && t.request.csv).map((t) => t.ms);
    if (csv.length) rows.push({ report, period: '90 d, CSV', ...latencyStats(csv) });
  }
  return rows;
}

/** Per distinct request (for the JSON results and for finding the slow ones). */
export function latencyByRequest(
  timed: readonly TimedRequest[],
): Array<{ request: string; path: string; cpuMs?: Record<string, number> } & LatencyStats> {
  const byLabel = new Map<string, TimedRequest[]>();
  for (const t of timed) byLabel.set(t.request.label, [...(byLabel.get(t.request.label) ?? []), t]);
  return [...byLabel.values()].map((list) => ({
    request: list[0].request.label,
    path: list[0].request.path,
    ...latencyStats(list.map((t) => t.ms)),
    cpuMs: meanCpu(list),
  }));
}
