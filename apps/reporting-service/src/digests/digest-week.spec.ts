import { digestWeek, latestCompletedWeek, parseWeekStart } from './digest-week';

const TOKYO = 'Asia/Tokyo';

describe('digest weeks', () => {
  it('cut a week at Monday 00:00 in Asia/Tokyo, the Sunday before 15:00 UTC', () => {
    expect(digestWeek('2026-03-02', TOKYO)).toEqual({
      weekStart: '2026-03-02',
      timeZone: TOKYO,
      from: new Date('2026-03-01T15:00:00.000Z'),
      to: new Date('2026-03-08T15:00:00.000Z'),
    });
    // Across a year end: Monday 2025-12-29 to Monday 2026-01-05.
    expect(digestWeek('2025-12-29', TOKYO).to).toEqual(new Date('2026-01-04T15:00:00.000Z'));
  });

  it('take the week before once Monday 00:00 has come in the zone, not before', () => {
    // Monday 2026-03-09 00:00 JST is 2026-03-08 15:00 UTC.
    expect(latestCompletedWeek(new Date('2026-03-08T15:00:00.000Z'), TOKYO).weekStart).toBe('2026-03-02');
    expect(latestCompletedWeek(new Date('2026-03-08T14:59:59.999Z'), TOKYO).weekStart).toBe('2026-02-23');
    // Sunday 23:00 in Tokyo: the week of 03-09 is still running; Wednesday: the week before is the last one done.
    expect(latestCompletedWeek(new Date('2026-03-15T14:00:00.000Z'), TOKYO).weekStart).toBe('2026-03-02');
    expect(latestCompletedWeek(new Date('2026-03-11T03:00:00.000Z'), TOKYO).weekStart).toBe('2026-03-02');
    const week = latestCompletedWeek(new Date('2026-03-11T03:00:00.000Z'), TOKYO);
    expect(week.to.getTime()).toBeLessThanOrEqual(new Date('2026-03-11T03:00:00.000Z').getTime());
  });

  it('follow the zone, not the server: the same instant is another week in New York', () => {
    const instant = new Date('2026-03-08T16:00:00.000Z'); // Monday 01:00 in Tokyo, Sunday 12:00 in New York
    expect(latestCompletedWeek(instant, TOKYO).weekStart).toBe('2026-03-02');
    expect(latestCompletedWeek(instant, 'America/New_York').weekStart).toBe('2026-02-23');
  });

  it('last 167 hours over a spring-forward change (Europe/Berlin, 2026-03-29)', () => {
    const week = digestWeek('2026-03-23', 'Europe/Berlin');
    expect(week.from).toEqual(new Date('2026-03-22T23:00:00.000Z'));
    expect(week.to).toEqual(new Date('2026-03-29T22:00:00.000Z'));
    expect((week.to.getTime() - week.from.getTime()) / 3_600_000).toBe(167);
  });

  it('accept only real Mondays as YYYY-MM-DD', () => {
    expect(parseWeekStart('2026-03-02')).toEqual({ year: 2026, month: 3, day: 2 });
    for (const bad of ['2026-03-03', '2026-02-30', '2026-3-2', '2026-03-02T00:00:00Z', '', null, 20260302, '1800-01-06']) {
      expect(parseWeekStart(bad)).toBeNull();
    }
    expect(() => digestWeek('2026-03-04', TOKYO)).toThrow('2026-03-04 is not a Monday');
  });
});
