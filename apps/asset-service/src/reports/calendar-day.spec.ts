import { addDays, calendarToday, daysBetween, isCalendarDate } from './calendar-day';

describe('calendar days', () => {
  it("takes today in the caller's zone (Tokyo is ahead of UTC)", () => {
    const lateUtc = new Date('2025-03-31T20:00:00Z');
    expect(calendarToday('UTC', lateUtc)).toBe('2025-03-31');
    expect(calendarToday('Asia/Tokyo', lateUtc)).toBe('2025-04-01');
    expect(calendarToday('America/New_York', lateUtc)).toBe('2025-03-31');
  });

  it('falls back to Asia/Tokyo for an unknown or missing zone', () => {
    const at = new Date('2025-03-31T20:00:00Z');
    expect(calendarToday('Mars/Olympus', at)).toBe('2025-04-01');
    expect(calendarToday(undefined, at)).toBe('2025-04-01');
  });

  it('adds and counts days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-01-10', '2025-01-03')).toBe(-7);
  });

  it('tells real calendar dates from other text', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate("2025-01-01'; DROP")).toBe(false);
  });
});
