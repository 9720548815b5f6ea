import { HOUR, ids, incidentAt, incidentsAt } from './candidate-detection.fixture';
import { byOpenedAtThenId, densestWindowAround } from './candidate-window';

const DAY = 24 * HOUR;

describe('densestWindowAround', () => {
  it('takes everything when all fit in one window, sorted by openedAt then id', () => {
    const items = [incidentAt('b', 3), incidentAt('c', 1), incidentAt('a', 3), incidentAt('d', 0)];
    expect(ids(densestWindowAround(items, items[0], DAY))).toEqual(['d', 'c', 'a', 'b']);
  });

  it('counts both ends: items exactly windowMs apart share a window, 1 ms more does not', () => {
    const edge = incidentsAt([0, 24]);
    expect(ids(densestWindowAround(edge, edge[1], DAY))).toEqual(['inc-1', 'inc-2']);
    const past = [incidentAt('a', 0), incidentAt('b', 24 + 1 / HOUR)];
    expect(ids(densestWindowAround(past, past[1], DAY))).toEqual(['b']);
  });

  it('only considers windows that hold the anchor', () => {
    // 0, 1, 2 are dense, but the anchor at 30 h can only share a window with 10 and 20.
    const items = incidentsAt([0, 1, 2, 10, 20, 30]);
    expect(ids(densestWindowAround(items, items[5], DAY))).toEqual(['inc-4', 'inc-5', 'inc-6']);
    expect(ids(densestWindowAround(items, items[0], DAY))).toEqual(['inc-1', 'inc-2', 'inc-3', 'inc-4', 'inc-5']);
  });

  it('picks the fullest window holding the anchor, the earliest on a tie', () => {
    const items = incidentsAt([0, 12, 20, 30, 36]);
    // Around 20 h: [0, 24] holds 0, 12, 20; [12, 36] holds 12, 20, 30, 36.
    expect(ids(densestWindowAround(items, items[2], DAY))).toEqual(['inc-2', 'inc-3', 'inc-4', 'inc-5']);
    const tie = incidentsAt([0, 12, 30]);
    // Around 12 h: [0, 24] and [12, 36] both hold two; the earlier wins.
    expect(ids(densestWindowAround(tie, tie[1], DAY))).toEqual(['inc-1', 'inc-2']);
  });

  it('keeps incidents opened at the same instant together', () => {
    const items = [incidentAt('z', 5), incidentAt('y', 5), incidentAt('x', 5), incidentAt('w', 40)];
    expect(ids(densestWindowAround(items, items[0], DAY))).toEqual(['x', 'y', 'z']);
  });

  it('gives nothing for no items and the same answer whatever the input order', () => {
    expect(densestWindowAround([], incidentAt('a', 0), DAY)).toEqual([]);
    const items = incidentsAt([0, 12, 20, 30, 36, 50]);
    const expected = ids(densestWindowAround(items, items[3], DAY));
    expect(ids(densestWindowAround([...items].reverse(), items[3], DAY))).toEqual(expected);
  });

  it('orders by openedAt, then id', () => {
    const sorted = [incidentAt('b', 1), incidentAt('a', 1), incidentAt('c', 0)].sort(byOpenedAtThenId);
    expect(ids(sorted)).toEqual(['c', 'a', 'b']);
    expect(byOpenedAtThenId(incidentAt('a', 1), incidentAt('a', 1))).toBe(0);
  });
});
