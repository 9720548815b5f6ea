import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The report figures of a ServiceNow incident event log, computed straight from the file's columns, so the
 * reporting service's figures for an imported file can be checked against them. Independent on purpose: its own
 * CSV reading and its own rules, nothing from the incident service's import (whose replay of the history is
 * what is being checked). See README.md.
 */

export interface Ratio {
  count: number;
  total: number;
  /** count / total (0..1, unrounded); null when total is 0. */
  rate: number | null;
}

export interface ServiceNowFileFigures {
  /** Distinct `number`s. */
  incidents: number;
  /** Incidents with some row Resolved or Closed. */
  resolved: number;
  /** Calendar hours from opened_at to resolved_at (final row) of resolved incidents whose both times are known. */
  mttrHours: { mean: number | null; median: number | null; count: number };
  /** Resolved incidents never reassigned and never reopened (every group is the service desk, tier 1). */
  flr: Ratio;
  /** Resolved incidents reopened at least once. */
  reopen: Ratio;
  /** Resolved incidents whose final row says made_sla TRUE, over those whose final row says TRUE or FALSE. */
  sla: Ratio;
}

/** RFC 4180 records (CRLF or LF line ends, quoted fields with `""`, line breaks inside quotes); blank lines dropped. */
export function readCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      endRecord();
    } else field += c;
  }
  if (quoted) throw new Error('The CSV ends inside a quoted field');
  if (field !== '' || record.length) endRecord();
  return records;
}

const RESOLVED_STATES = new Set(['Resolved', 'Closed']);
const UNKNOWN = '?';

interface Row {
  position: number;
  number: string;
  state: string;
  reassignmentCount: number;
  reopenCount: number;
  sysModCount: number;
  madeSla: string;
  openedAt: number | null;
  resolvedAt: number | null;
  sysUpdatedAt: number | null;
}

/** `dd-mm-yyyy HH:MM` (UTC) → epoch ms; null for `?`; throws on anything else. */
function parseTimestamp(value: string, where: string): number | null {
  if (value === UNKNOWN) return null;
  const m = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/.exec(value);
  const ms = m ? Date.UTC(+m[3], +m[2] - 1, +m[1], +m[4], +m[5]) : NaN;
  const d = new Date(ms);
  // Date.UTC rolls 31-02 over to March: a date that does not read back is not a date.
  if (!m || d.getUTCDate() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCHours() !== +m[4]) {
    throw new Error(`${where}: '${value}' is not a dd-mm-yyyy HH:MM time`);
  }
  return ms;
}

function parseCount(value: string, where: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`${where}: '${value}' is not a whole number`);
  return Number(value);
}

function readRows(csvText: string): Row[] {
  const [header, ...records] = readCsvRecords(csvText);
  if (!header) throw new Error('The CSV has no header');
  const columns = header.map((h) => h.trim());
  const at = (name: string): number => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`The CSV has no column ${name}`);
    return index;
  };
  const col = {
    number: at('number'),
    state: at('incident_state'),
    reassignment: at('reassignment_count'),
    reopen: at('reopen_count'),
    sysMod: at('sys_mod_count'),
    madeSla: at('made_sla'),
    openedAt: at('opened_at'),
    resolvedAt: at('resolved_at'),
    sysUpdatedAt: at('sys_updated_at'),
  };
  return records.map((fields, index) => {
    const where = `record ${index + 1}`;
    if (fields.length !== columns.length) throw new Error(`${where}: ${fields.length} fields, the header has ${columns.length}`);
    const value = (i: number) => fields[i].trim();
    return {
      position: index,
      number: value(col.number),
      state: value(col.state),
      reassignmentCount: parseCount(value(col.reassignment), `${where} reassignment_count`),
      reopenCount: parseCount(value(col.reopen), `${where} reopen_count`),
      sysModCount: parseCount(value(col.sysMod), `${where} sys_mod_count`),
      madeSla: value(col.madeSla).toUpperCase(),
      openedAt: parseTimestamp(value(col.openedAt), `${where} opened_at`),
      resolvedAt: parseTimestamp(value(col.resolvedAt), `${where} resolved_at`),
      sysUpdatedAt: parseTimestamp(value(col.sysUpdatedAt), `${where} sys_updated_at`),
    };
  });
}

/** The row with the greatest sys_mod_count; ties: the latest sys_updated_at, then the later in the file. */
function isLater(a: Row, b: Row): boolean {
  if (a.sysModCount !== b.sysModCount) return a.sysModCount > b.sysModCount;
  const ta = a.sysUpdatedAt ?? -Infinity;
  const tb = b.sysUpdatedAt ?? -Infinity;
  if (ta !== tb) return ta > tb;
  return a.position > b.position;
}

interface IncidentSummary {
  final: Row;
  resolved: boolean;
  maxReassignments: number;
  maxReopens: number;
}

function summarize(rows: Row[]): Map<string, IncidentSummary> {
  const byNumber = new Map<string, IncidentSummary>();
  for (const row of rows) {
    const s = byNumber.get(row.number);
    if (!s) {
      byNumber.set(row.number, {
        final: row,
        resolved: RESOLVED_STATES.has(row.state),
        maxReassignments: row.reassignmentCount,
        maxReopens: row.reopenCount,
      });
      continue;
    }
    if (isLater(row, s.final)) s.final = row;
    s.resolved ||= RESOLVED_STATES.has(row.state);
    s.maxReassignments = Math.max(s.maxReassignments, row.reassignmentCount);
    s.maxReopens = Math.max(s.maxReopens, row.reopenCount);
  }
  return byNumber;
}

const ratio = (count: number, total: number): Ratio => ({ count, total, rate: total ? count / total : null });

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function computeServiceNowFileFigures(csvText: string): ServiceNowFileFigures {
  const incidents = [...summarize(readRows(csvText)).values()];
  const resolved = incidents.filter((i) => i.resolved);
  const hours = resolved
    .filter((i) => i.final.resolvedAt !== null && i.final.openedAt !== null)
    .map((i) => (i.final.resolvedAt! - i.final.openedAt!) / 3_600_000)
    .sort((a, b) => a - b);
  const slaKnown = resolved.filter((i) => i.final.madeSla === 'TRUE' || i.final.madeSla === 'FALSE');
  return {
    incidents: incidents.length,
    resolved: resolved.length,
    mttrHours: {
      mean: hours.length ? hours.reduce((sum, h) => sum + h, 0) / hours.length : null,
      median: median(hours),
      count: hours.length,
    },
    flr: ratio(resolved.filter((i) => i.maxReassignments === 0 && i.maxReopens === 0).length, resolved.length),
    reopen: ratio(resolved.filter((i) => i.maxReopens >= 1).length, resolved.length),
    sla: ratio(slaKnown.filter((i) => i.final.madeSla === 'TRUE').length, slaKnown.length),
  };
}

/** Resolved as @helpdesk/testing's serviceNowDatasetPath does (which tooling code may not import). */
export function defaultServiceNowDatasetPath(): string {
  if (process.env.SERVICENOW_DATASET) return process.env.SERVICENOW_DATASET;
  let dir = resolve(__dirname);
  while (!existsSync(join(dir, 'nx.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'datasets', 'servicenow-incident-event-log.csv');
}

if (require.main === module) {
  const path = process.argv[2] ?? defaultServiceNowDatasetPath();
  console.log(JSON.stringify(computeServiceNowFileFigures(readFileSync(path, 'utf8')), null, 2));
}
