import { detectCandidates } from './candidate-detection';
import { CandidateStream, HOUR, ids, incidentAt, incidentsAt } from './candidate-detection.fixture';
import { DEFAULT_CANDIDATE_RULES } from './candidate-rules';

const rules = DEFAULT_CANDIDATE_RULES;
const raiseOnCi = (incidentIds: string[]) => ({ action: 'raise', key: { kind: 'ci', ciId: 'ci-1' }, incidentIds });

describe('detectCandidates: incidents sharing a CI', () => {
  it('raises nothing for 4 incidents and a candidate with all 5 at the fifth', () => {
    const stream = new CandidateStream();
    const five = incidentsAt([0, 1, 2, 3, 4]);
    expect(stream.deliverAll(five.slice(0, 4))).toEqual([]);
    expect(stream.deliver(five[4])).toEqual([raiseOnCi(ids(five))]);
  });

  it('raises nothing for 5 spread over 30 h with at most 4 in any 24 h', () => {
    const stream = new CandidateStream();
    expect(stream.deliverAll(incidentsAt([0, 8, 16, 23, 30]))).toEqual([]);
    expect(stream.candidates).toEqual([]);
  });

  it('counts a window inclusively: first and fifth exactly 24 h apart raise, 1 ms more does not', () => {
    const edge = incidentsAt([0, 6, 12, 18, 24]);
    expect(new CandidateStream().deliverAll(edge)).toEqual([raiseOnCi(ids(edge))]);
    const past = incidentsAt([0, 6, 12, 18, 24 + 1 / HOUR]);
    expect(new CandidateStream().deliverAll(past)).toEqual([]);
  });

  it('ignores neighbours a caller passes from outside the window, even if they would make 5', () => {
    const near = incidentsAt([0, 1, 2, 3]);
    const far = incidentAt('far', -25);
    expect(detectCandidates(near[3], [...near, far], [], rules)).toEqual([]);
    const farCandidate = { id: 'cand-far', key: 'ci:ci-1', state: 'open' as const, incidentIds: ['far'] };
    expect(detectCandidates(near[3], [...near, far], [farCandidate], rules)).toEqual([]);
  });

  it('raises the same set when the oldest incident arrives last', () => {
    const five = incidentsAt([0, 2, 5, 9, 20]);
    const newestLast = new CandidateStream().deliverAll(five);
    const oldestLast = new CandidateStream().deliverAll([...five.slice(1), five[0]]);
    expect(oldestLast).toEqual(newestLast);
    expect(oldestLast).toEqual([raiseOnCi(ids(five))]);
  });

  it('returns [] for a duplicate arrival after the raise, of any member', () => {
    const stream = new CandidateStream();
    const five = incidentsAt([0, 1, 2, 3, 4]);
    stream.deliverAll(five);
    for (const incident of five) expect(stream.deliver(incident)).toEqual([]);
    expect(stream.candidates).toHaveLength(1);
  });

  it('does not double count duplicated neighbours or the incident among its neighbours', () => {
    const four = incidentsAt([0, 1, 2, 3]);
    expect(detectCandidates(four[3], [...four, ...four, four[3], four[0]], [], rules)).toEqual([]);
    const five = incidentsAt([0, 1, 2, 3, 4]);
    expect(detectCandidates(five[4], [...five, ...five], [], rules)).toEqual([raiseOnCi(ids(five))]);
    expect(detectCandidates(five[4], five.slice(0, 4), [], rules)).toEqual([raiseOnCi(ids(five))]);
  });

  it('uses the arriving copy of itself over a stale neighbour copy', () => {
    const five = incidentsAt([0, 1, 2, 3, 4]);
    const staleLinked = { ...five[4], linkedToProblem: true };
    expect(detectCandidates(five[4], [staleLinked, ...five.slice(0, 4)], [], rules)).toEqual([raiseOnCi(ids(five))]);
  });

  it('leaves out incidents linked to a problem', () => {
    const five = incidentsAt([0, 1, 2, 3, 4]);
    five[2] = { ...five[2], linkedToProblem: true };
    expect(new CandidateStream().deliverAll(five)).toEqual([]);
    const sixth = incidentAt('inc-6', 5);
    const stream = new CandidateStream();
    stream.deliverAll(five);
    expect(stream.deliver(sixth)).toEqual([raiseOnCi(['inc-1', 'inc-2', 'inc-4', 'inc-5', 'inc-6'])]);
  });

  it('raises nothing when the arriving incident is itself linked to a problem', () => {
    const others = incidentsAt([0, 1, 2, 3, 4]);
    const linked = incidentAt('linked', 5, { linkedToProblem: true });
    expect(detectCandidates(linked, [...others, linked], [], rules)).toEqual([]);
  });

  it('never raises a dismissed candidate again, but 5 new incidents raise a new one', () => {
    const stream = new CandidateStream();
    const first = incidentsAt([0, 1, 2, 3, 4]);
    stream.deliverAll(first);
    stream.decide('cand-1', 'dismissed');
    for (const incident of first) expect(stream.deliver(incident)).toEqual([]);

    const fresh = [5, 6, 7, 8, 9].map((h) => incidentAt(`new-${h}`, h));
    expect(stream.deliverAll(fresh.slice(0, 4))).toEqual([]);
    expect(stream.deliver(fresh[4])).toEqual([raiseOnCi(ids(fresh))]);
  });

  it('counts no member of an accepted candidate again', () => {
    const stream = new CandidateStream();
    stream.deliverAll(incidentsAt([0, 1, 2, 3, 4]));
    stream.decide('cand-1', 'accepted');
    expect(stream.deliverAll([incidentAt('a', 5), incidentAt('b', 6), incidentAt('c', 7), incidentAt('d', 8)])).toEqual([]);
  });

  it('adds a sixth incident to the open candidate instead of raising another', () => {
    const stream = new CandidateStream();
    stream.deliverAll(incidentsAt([0, 1, 2, 3, 4]));
    expect(stream.deliver(incidentAt('inc-6', 20))).toEqual([
      { action: 'extend', candidateId: 'cand-1', addIncidentIds: ['inc-6'] },
    ]);
    expect(stream.deliver(incidentAt('inc-6', 20))).toEqual([]);
    expect(stream.candidates.map((c) => c.incidentIds.length)).toEqual([6]);
  });

  it('adds a late old incident to the open candidate too', () => {
    const stream = new CandidateStream();
    stream.deliverAll(incidentsAt([10, 11, 12, 13, 14]));
    expect(stream.deliver(incidentAt('old', 0))).toEqual([{ action: 'extend', candidateId: 'cand-1', addIncidentIds: ['old'] }]);
  });

  it('joins with the other related incidents left outside the first window, in openedAt order', () => {
    const stream = new CandidateStream();
    const [h0, h6, h8, h10, h20, h30] = incidentsAt([0, 6, 8, 10, 20, 30]);
    // At 6 h's arrival both [0, 24] and [6, 30] hold five; the earlier window wins and 30 h stays out.
    expect(stream.deliverAll([h0, h30, h20, h10, h8, h6])).toEqual([raiseOnCi(ids([h0, h6, h8, h10, h20]))]);
    expect(stream.deliver(h30)).toEqual([{ action: 'extend', candidateId: 'cand-1', addIncidentIds: ['inc-6'] }]);
  });

  it('pulls a left-out incident in when a later one joins', () => {
    const stream = new CandidateStream();
    const [h0, h6, h8, h10, h20, h30] = incidentsAt([0, 6, 8, 10, 20, 30]);
    stream.deliverAll([h0, h30, h20, h10, h8, h6]);
    expect(stream.deliver(incidentAt('late', 25))).toEqual([
      { action: 'extend', candidateId: 'cand-1', addIncidentIds: ['late', 'inc-6'] },
    ]);
  });

  it('raises a new candidate for a new burst on the CI long after an open one (disjoint, never extend and raise)', () => {
    const stream = new CandidateStream();
    stream.deliverAll(incidentsAt([0, 1, 2, 3, 4]));
    const later = [100, 101, 102, 103, 104].map((h) => incidentAt(`later-${h}`, h));
    expect(stream.deliverAll(later.slice(0, 4))).toEqual([]);
    expect(stream.deliver(later[4])).toEqual([raiseOnCi(ids(later))]);
  });

  it('extends the lowest-id open candidate when several hold a related incident', () => {
    const near = incidentsAt([0, 1]);
    const existing = [
      { id: 'cand-b', key: 'ci:ci-1', state: 'open' as const, incidentIds: ['inc-1'] },
      { id: 'cand-a', key: 'ci:ci-1', state: 'open' as const, incidentIds: ['inc-2'] },
      { id: 'cand-0', key: 'ci:other', state: 'open' as const, incidentIds: ['inc-1'] },
    ];
    const arriving = incidentAt('x', 2);
    expect(detectCandidates(arriving, [...near, arriving], existing, rules)).toEqual([
      { action: 'extend', candidateId: 'cand-a', addIncidentIds: ['x'] },
    ]);
  });

  it('keeps CIs apart and follows configured rules', () => {
    const mixed = [...incidentsAt([0, 1, 2]), ...incidentsAt([3, 4], { ciId: 'ci-2' }).map((i) => ({ ...i, id: `${i.id}b` }))];
    expect(new CandidateStream().deliverAll(mixed)).toEqual([]);
    const three = incidentsAt([0, 1, 2]);
    const small = { minIncidents: 3, windowMs: 2 * HOUR, minSimilarity: 0.5 };
    expect(new CandidateStream(small).deliverAll(three)).toEqual([raiseOnCi(ids(three))]);
    expect(new CandidateStream({ ...small, windowMs: 2 * HOUR - 1 }).deliverAll(three)).toEqual([]);
  });

  it('refuses bad rules and an incident that cannot be placed in time', () => {
    const incident = incidentAt('a', 0);
    expect(() => detectCandidates(incident, [], [], { ...rules, minIncidents: 0 })).toThrow(RangeError);
    expect(() => detectCandidates({ ...incident, openedAt: new Date('nope') }, [], [], rules)).toThrow(/openedAt/);
    const fourAndBroken = [...incidentsAt([0, 1, 2, 3]), incidentAt('broken', 0, { openedAt: new Date(NaN) })];
    expect(detectCandidates(fourAndBroken[3], fourAndBroken, [], rules)).toEqual([]);
  });
});
