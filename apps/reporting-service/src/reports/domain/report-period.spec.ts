import { DEFAULT_PERIOD_MS, isReportInstantText, reportInstantFromText, resolveReportPeriod } from './report-period';

const read = (text: string, zone = 'Asia/Tokyo') => reportInstantFromText(text, zone)?.toISOString() ?? null;

describe('report period', () => {
  it('reads a date as its midnight in the zone', () => {
    expect(read('2026-03-01')).toBe('2026-02-28T15:00:00.000Z');
    expect(read('2026-03-01', 'UTC')).toBe('2026-03-01T00:00:00.000Z');
  });

  it('reads a date-time with an offset as that instant, without one in the zone', () => {
    expect(read('2026-03-01T09:00:00Z')).toBe('2026-03-01T09:00:00.000Z');
    expect(read('2026-03-01T09:00:00+09:00')).toBe('2026-03-01T00:00:00.000Z');
    expect(read('2026-03-01T09:00:00-0530')).toBe('2026-03-01T14:30:00.000Z');
    expect(read('2026-03-01T09:00')).toBe('2026-03-01T00:00:00.000Z');
    expect(read('2026-03-01T09:00:00.1234Z')).toBe('2026-03-01T09:00:00.123Z');
    expect(read('2026-03-01t09:00:00z')).toBe('2026-03-01T09:00:00.000Z');
  });

  it('reads a space where the sign was as + (an unencoded + in a query string)', () => {
    expect(read('2026-03-01T09:00:00 09:00')).toBe('2026-03-01T00:00:00.000Z');
  });

  it.each([
    ['2026-02-30'],
    ['2026-13-01'],
    ['2026-3-1'],
    ['2026-03-01T24:00:00Z'],
    ['2026-03-01T09:60Z'],
    ['2026-03-01T09:00:00+19:00'],
    ['2026-03-01 09:00'],
    ['1899-12-31'],
    ['yesterday'],
    ['1772323200000'],
    [''],
  ])('refuses %j', (text) => {
    expect(isReportInstantText(text)).toBe(false);
    expect(reportInstantFromText(text, 'UTC')).toBeNull();
  });

  it('defaults to the last 30 days ending now, or the 30 days before a given to', () => {
    const now = new Date('2026-12-01T21:00:00Z');
    expect(resolveReportPeriod(undefined, undefined, 'Asia/Tokyo', now)).toEqual({
      from: new Date(now.getTime() - DEFAULT_PERIOD_MS),
      to: now,
    });
    const to = new Date('2026-03-31T15:00:00Z');
    expect(resolveReportPeriod(undefined, '2026-04-01', 'Asia/Tokyo', now)).toEqual({
      from: new Date(to.getTime() - DEFAULT_PERIOD_MS),
      to,
    });
    expect(resolveReportPeriod('2026-03-01', undefined, 'UTC', now)).toEqual({ from: new Date('2026-03-01T00:00:00Z'), to: now });
  });
});
