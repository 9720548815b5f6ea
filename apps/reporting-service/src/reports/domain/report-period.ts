import { LocalDateTime, zonedInstant } from './zoned-time';

/** Without `from` and `to`: the last 30 days ending now. */
export const DEFAULT_PERIOD_MS = 30 * 86_400_000;

/**
 * `from` and `to`: a date (its midnight in the report's zone) or a date-time, with an offset (that instant)
 * or without one (that wall-clock time in the report's zone). A space where the offset's sign should be
 * is read as `+`: it is what an unencoded `+09:00` becomes in a query string.
 */
const INSTANT_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+\- ])(\d{2}):?(\d{2}))?)?$/i;

interface InstantText {
  local: LocalDateTime;
  /** Null: read in the report's zone. */
  offsetMs: number | null;
}

function parseInstantText(text: string): InstantText | null {
  const m = INSTANT_TEXT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0));
  const millisecond = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (year < 1900 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  let offsetMs: number | null = null;
  if (m[8]) offsetMs = 0;
  else if (m[9]) {
    const [h, min] = [Number(m[10]), Number(m[11])];
    if (h > 18 || min > 59) return null;
    offsetMs = (m[9] === '-' ? -1 : 1) * (h * 60 + min) * 60_000;
  }
  return { local: { year, month, day, hour, minute, second, millisecond }, offsetMs };
}

/** Whether `from`/`to` text is a date or date-time the reports read. */
export function isReportInstantText(text: unknown): boolean {
  return typeof text === 'string' && text.length <= 40 && parseInstantText(text) !== null;
}

/** The instant `from`/`to` text stands for in the zone, or null when it is no date or date-time. */
export function reportInstantFromText(text: string, timeZone: string): Date | null {
  const parsed = parseInstantText(text);
  if (!parsed) return null;
  const { local, offsetMs } = parsed;
  if (offsetMs === null) return zonedInstant(local, timeZone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  return new Date(wall - offsetMs);
}

/** The period asked for: `to` defaults to now, `from` to 30 days before `to`. */
export function resolveReportPeriod(
  fromText: string | undefined,
  toText: string | undefined,
  timeZone: string,
  now: Date,
): { from: Date; to: Date } {
  const read = (text: string) => {
    const at = reportInstantFromText(text, timeZone);
    if (!at) throw new Error(`not a report date or date-time: ${text}`);
    return at;
  };
  const to = toText ? read(toText) : now;
  const from = fromText ? read(fromText) : new Date(to.getTime() - DEFAULT_PERIOD_MS);
  return { from, to };
}
