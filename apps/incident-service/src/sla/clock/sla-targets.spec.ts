import { DEFAULT_SLA_CALENDARS, DEFAULT_SLA_TARGETS, defaultSlaTarget } from './sla-targets';

describe('DEFAULT_SLA_TARGETS', () => {
  it('are the itil.md defaults', () => {
    expect(DEFAULT_SLA_TARGETS.map((t) => [t.priority, t.responseMinutes / 60, t.resolutionMinutes / 60, t.calendar])).toEqual([
      [1, 0.25, 4, '24x7'],
      [2, 0.5, 8, '24x7'],
      [3, 2, 24, 'business'],
      [4, 4, 40, 'business'],
      [5, 8, 80, 'business'],
    ]);
  });

  it('finds the target of a priority and the calendar of each kind', () => {
    expect(defaultSlaTarget(3)).toBe(DEFAULT_SLA_TARGETS[2]);
    expect(() => defaultSlaTarget(6 as never)).toThrow(RangeError);
    expect(DEFAULT_SLA_CALENDARS['24x7'].mode).toBe('24x7');
    expect(DEFAULT_SLA_CALENDARS.business.timeZone).toBe('Asia/Tokyo');
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_SLA_TARGETS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SLA_TARGETS[0])).toBe(true);
  });
});
