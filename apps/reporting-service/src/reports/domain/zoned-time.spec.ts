import { canonicalTimeZone, localDateTimeAt, startOfLocalDate, zonedInstant, zoneOffsetMs } from './zoned-time';

const at = (iso: string) => new Date(iso);
const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
  millisecond: 0,
});

describe('wall-clock time in a zone', () => {
  it('reads the local date and time (Tokyo is ahead of UTC, New York behind)', () => {
    expect(localDateTimeAt(at('2026-03-01T15:30:00Z'), 'Asia/Tokyo')).toMatchObject({
      year: 2026,
      month: 3,
      day: 2,
      hour: 0,
      minute: 30,
    });
    expect(localDateTimeAt(at('2026-03-01T03:00:00Z'), 'America/New_York')).toMatchObject({ month: 2, day: 28, hour: 22 });
    expect(zoneOffsetMs(at('2026-07-01T00:00:00Z'), 'Asia/Tokyo')).toBe(9 * 3_600_000);
  });

  it('finds the instant of a local time, either side of a DST change', () => {
    expect(zonedInstant(wall(2026, 3, 2), 'Asia/Tokyo').toISOString()).toBe('2026-03-01T15:00:00.000Z');
    expect(zonedInstant(wall(2026, 1, 15, 9), 'America/New_York').toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedInstant(wall(2026, 7, 15, 9), 'America/New_York').toISOString()).toBe('2026-07-15T13:00:00.000Z');
  });

  it('reads a skipped time after the change and a repeated time as its first occurrence', () => {
    // New York skips 02:00-03:00 on 2026-03-08; 02:30 is read as 03:30 EDT.
    expect(zonedInstant(wall(2026, 3, 8, 2, 30), 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // Berlin repeats 02:00-03:00 on 2026-10-25: first at +02:00.
    expect(zonedInstant(wall(2026, 10, 25, 2, 30), 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // New York repeats 01:00-02:00 on 2026-11-01: first at -04:00.
    expect(zonedInstant(wall(2026, 11, 1, 1, 30), 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('starts a day at its local midnight', () => {
    expect(startOfLocalDate({ year: 2026, month: 1, day: 1 }, 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(startOfLocalDate({ year: 2026, month: 1, day: 1 }, 'Asia/Kolkata').toISOString()).toBe('2025-12-31T18:30:00.000Z');
  });

  it('knows IANA zones and gives their canonical names', () => {
    expect(canonicalTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(canonicalTimeZone('asia/tokyo')).toBe('Asia/Tokyo');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    for (const bad of ['Mars/Olympus', '', '+09:00', 'Asia/Tokyo; DROP', 'a'.repeat(65), 42, null]) {
      expect(canonicalTimeZone(bad)).toBeNull();
    }
  });
});
