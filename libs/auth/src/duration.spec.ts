import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['15m', 900_000],
    ['7d', 604_800_000],
    ['500ms', 500],
    ['2h', 7_200_000],
    ['30s', 30_000],
    ['45', 45_000],
  ])('%s → %d ms', (input, ms) => expect(parseDuration(input)).toBe(ms));

  it('refuses what it does not understand', () => {
    expect(() => parseDuration('15 minutes')).toThrow('Not a duration');
    expect(() => parseDuration('-1s')).toThrow('Not a duration');
  });
});
