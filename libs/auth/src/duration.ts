const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Matches what parseDuration accepts, for config validation (`@Matches(DURATION_PATTERN)`). */
export const DURATION_PATTERN = /^\d+(ms|s|m|h|d)$/;

/** Parses `15m`, `7d`, `500ms`, `30s`, `2h` (or a bare number of seconds) into milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new Error(`Not a duration: ${value}`);
    return value * 1000;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(trimmed);
  if (!match) throw new Error(`Not a duration: "${value}" (use e.g. 500ms, 30s, 15m, 2h, 7d)`);
  return Number(match[1]) * UNITS[match[2]];
}
