import { defineEvent } from '../events/event-definition';
import { checkPayload, FieldCheck } from '../events/payload-checks';
import { UUID_PATTERN } from '../ids';
import { Topics } from '../topics';

/**
 * One assignment group's week in figures (the reports over Monday 00:00 to the next Monday 00:00 in the
 * digest's zone). Rates are unrounded fractions 0..1, means unrounded; each is null when the count beside
 * it is 0.
 */
export interface WeeklyDigestFigures {
  /** Incidents opened in the week. */
  opened: number;
  /** Incidents resolved in the week (their last resolution). */
  resolved: number;
  /** Incidents still open at the end of the week. */
  backlogOpen: number;
  /** Mean and median time to resolve, calendar hours, over mttrCount incidents. */
  mttrMeanHours: number | null;
  mttrMedianHours: number | null;
  mttrCount: number;
  /** First-level resolution: resolved by the service desk without reassignment or reopen, over flrCount resolutions. */
  flrRate: number | null;
  flrCount: number;
  /** Resolved within the SLA target, over slaResolutionCount resolutions with a verdict. */
  slaResolutionRate: number | null;
  slaResolutionCount: number;
  /** Resolutions of the week that had been reopened (over the week's resolutions, like flrCount). */
  reopenRate: number | null;
  /** Mean satisfaction rating (1–5) over csatResponses answers. */
  csatMeanRating: number | null;
  csatResponses: number;
}

export const WEEKLY_DIGEST_COUNTS = [
  'opened',
  'resolved',
  'backlogOpen',
  'mttrCount',
  'flrCount',
  'slaResolutionCount',
  'csatResponses',
] as const satisfies ReadonlyArray<keyof WeeklyDigestFigures>;
export const WEEKLY_DIGEST_RATES = ['flrRate', 'slaResolutionRate', 'reopenRate'] as const satisfies ReadonlyArray<
  keyof WeeklyDigestFigures
>;
export const WEEKLY_DIGEST_MEANS = ['mttrMeanHours', 'mttrMedianHours', 'csatMeanRating'] as const satisfies ReadonlyArray<
  keyof WeeklyDigestFigures
>;

/**
 * A group's weekly digest is ready (reporting-service, once per group and week): for a notifier or an
 * e-mail sender, which can fetch the CSV at csvPath with a token allowed to read reports.
 */
export interface WeeklyDigestPublishedPayload {
  digestId: string;
  /** The Monday the week starts on (YYYY-MM-DD), in timeZone. */
  weekStart: string;
  /** IANA zone the week was cut in (REPORT_TIME_ZONE). */
  timeZone: string;
  /** The assignment group; null for the incidents of the week that had none. */
  groupId: string | null;
  groupName: string | null;
  figures: WeeklyDigestFigures;
  /** The public API path of the CSV download (`/api/v1/reports/digests/{id}?format=csv`). */
  csvPath: string;
}

const WEEK_START = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date that is a Monday. */
function isMonday(value: unknown): boolean {
  if (typeof value !== 'string' || !WEEK_START.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getUTCDay() === 1;
}

const stringOrNull = (v: unknown) => v === null || (typeof v === 'string' && v.length > 0);
const finiteOrNull = (v: unknown, min: number, max: number) =>
  v === null || (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max);

const figureChecks: FieldCheck[] = [
  ...WEEKLY_DIGEST_COUNTS.map<FieldCheck>(
    (name) => (f) =>
      Number.isInteger(f[name]) && (f[name] as number) >= 0 ? null : `figures.${name} must be a whole number ≥ 0`,
  ),
  ...WEEKLY_DIGEST_RATES.map<FieldCheck>(
    (name) => (f) => (finiteOrNull(f[name], 0, 1) ? null : `figures.${name} must be a fraction from 0 to 1, or null`),
  ),
  (f) => (finiteOrNull(f.mttrMeanHours, 0, Infinity) ? null : 'figures.mttrMeanHours must be a number ≥ 0, or null'),
  (f) => (finiteOrNull(f.mttrMedianHours, 0, Infinity) ? null : 'figures.mttrMedianHours must be a number ≥ 0, or null'),
  (f) => (finiteOrNull(f.csatMeanRating, 1, 5) ? null : 'figures.csatMeanRating must be a number from 1 to 5, or null'),
];

function describeDigestPayload(payload: unknown): string[] {
  const problems = checkPayload(payload, [
    (p) => (typeof p.digestId === 'string' && UUID_PATTERN.test(p.digestId) ? null : 'digestId must be a UUID'),
    (p) => (isMonday(p.weekStart) ? null : 'weekStart must be a Monday as YYYY-MM-DD'),
    (p) => (typeof p.timeZone === 'string' && p.timeZone.length > 0 ? null : 'timeZone must be an IANA zone name'),
    (p) => (stringOrNull(p.groupId) ? null : 'groupId must be a non-empty string or null'),
    (p) => (stringOrNull(p.groupName) ? null : 'groupName must be a non-empty string or null'),
    (p) => (typeof p.csvPath === 'string' && p.csvPath.startsWith('/') ? null : 'csvPath must be an absolute API path'),
    (p) =>
      typeof p.figures === 'object' && p.figures !== null && !Array.isArray(p.figures) ? null : 'figures must be an object',
  ]);
  if (problems.length) return problems;
  return checkPayload((payload as { figures: unknown }).figures, figureChecks);
}

export const WeeklyDigestPublished = defineEvent<WeeklyDigestPublishedPayload>()({
  type: 'reporting.weekly-digest-published',
  topic: Topics.reportingDigest,
  version: 1,
  aggregateType: 'weekly_digest',
  describePayloadProblems: describeDigestPayload,
});

export const ReportingEvents = [WeeklyDigestPublished];
