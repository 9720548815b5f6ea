import fc from 'fast-check';
import { bucketKeyAt, bucketStartDate, MAX_REPORT_BUCKETS, timeBuckets } from './report-buckets';

const d = (iso: string) => new Date(iso);
const iso = (b: { start: Date; end: Date }) => [b.start.toISOString(), b.end.toISOString()];

describe('time buckets', () => {
  it('cuts days at midnight in the zone: one UTC evening is the next Tokyo day', () => {
    const buckets = timeBuckets(d('2026-03-01T00:00:00+09:00'), d('2026-03-03T00:00:00+09:00'), 'day', 'Asia/Tokyo')!;
    expect(buckets.map((b) => b.key)).toEqual(['2026-03-01', '2026-03-02']);
    expect(iso(buckets[0])).toEqual(['2026-02-28T15:00:00.000Z', '2026-03-01T15:00:00.000Z']);
    expect(bucketKeyAt(d('2026-03-01T14:59:59.999Z'), 'day', 'Asia/Tokyo')).toBe('2026-03-01');
    expect(bucketKeyAt(d('2026-03-01T15:00:00Z'), 'day', 'Asia/Tokyo')).toBe('2026-03-02');
    expect(bucketKeyAt(d('2026-03-01T15:00:00Z'), 'day', 'UTC')).toBe('2026-03-01');
  });

  it('covers a period that starts and ends inside buckets, the first starting before from', () => {
    const buckets = timeBuckets(d('2026-03-01T12:00:00Z'), d('2026-03-02T00:00:01Z'), 'day', 'UTC')!;
    expect(buckets.map((b) => b.key)).toEqual(['2026-03-01', '2026-03-02']);
    expect(timeBuckets(d('2026-03-01T00:00:00Z'), d('2026-03-02T00:00:00Z'), 'day', 'UTC')!.map((b) => b.key)).toEqual([
      '2026-03-01',
    ]);
  });

  it('starts ISO weeks on Monday and months on the 1st', () => {
    // 2026-03-01 is a Sunday: its week began Monday 2026-02-23.
    expect(bucketStartDate({ year: 2026, month: 3, day: 1 }, 'week')).toEqual({ year: 2026, month: 2, day: 23 });
    expect(bucketStartDate({ year: 2026, month: 3, day: 2 }, 'week')).toEqual({ year: 2026, month: 3, day: 2 });
    const weeks = timeBuckets(d('2026-03-01T00:00:00+09:00'), d('2026-03-10T00:00:00+09:00'), 'week', 'Asia/Tokyo')!;
    expect(weeks.map((b) => b.key)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    const months = timeBuckets(d('2025-12-15T00:00:00Z'), d('2026-03-01T00:00:00Z'), 'month', 'UTC')!;
    expect(months.map((b) => b.key)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(iso(months[2])).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });

  it('gives a DST day its real length (23 h in spring, 25 h in autumn)', () => {
    const [spring] = timeBuckets(d('2026-03-08T05:00:00Z'), d('2026-03-08T06:00:00Z'), 'day', 'America/New_York')!;
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const [autumn] = timeBuckets(d('2026-11-01T05:00:00Z'), d('2026-11-01T06:00:00Z'), 'day', 'America/New_York')!;
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it('stops at the limit: null beyond it, the buckets at it', () => {
    const from = d('2026-01-01T00:00:00Z');
    const days = (n: number) => new Date(from.getTime() + n * 86_400_000);
    expect(timeBuckets(from, days(MAX_REPORT_BUCKETS), 'day', 'UTC')).toHaveLength(MAX_REPORT_BUCKETS);
    expect(timeBuckets(from, new Date(days(MAX_REPORT_BUCKETS).getTime() + 1), 'day', 'UTC')).toBeNull();
    expect(timeBuckets(from, d('2126-01-01T00:00:00Z'), 'day', 'UTC')).toBeNull();
    expect(timeBuckets(from, d('2126-01-01T00:00:00Z'), 'month', 'UTC')).toBeNull();
    expect(timeBuckets(from, d('2076-01-01T00:00:00Z'), 'month', 'UTC')).toHaveLength(600);
  });
});

describe('time buckets (property)', () => {
  const zones = ['Asia/Tokyo', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true });

  it('tiles the period: buckets follow each other, overlap it, and each instant falls in the bucket of its key', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 90 * 86_400_000 }),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const),
        fc.constantFrom(...zones),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (from, length, unit, zone, where) => {
          const to = new Date(from.getTime() + length);
          const buckets = timeBuckets(from, to, unit, zone)!;
          expect(buckets[0].start.getTime()).toBeLessThanOrEqual(from.getTime());
          expect(buckets[buckets.length - 1].end.getTime()).toBeGreaterThanOrEqual(to.getTime());
          buckets.slice(1).forEach((b, i) => expect(b.start).toEqual(buckets[i].end));
          const probe = new Date(from.getTime() + Math.floor(where * (length - 1)));
          const holding = buckets.find((b) => b.start <= probe && probe < b.end);
          expect(holding?.key).toBe(bucketKeyAt(probe, unit, zone));
        },
      ),
      { numRuns: 300 },
    );
  });
});
