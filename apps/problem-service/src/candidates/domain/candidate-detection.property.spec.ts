import fc from 'fast-check';
import { CandidateDecision } from './candidate-detection';
import { CandidateStream, ids, incidentAt, incidentsAt } from './candidate-detection.fixture';
import { CandidateIncident } from './candidate-incident';
import { CandidateRules, DEFAULT_CANDIDATE_RULES } from './candidate-rules';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Every incident once in a random order, plus some delivered again at random points (redeliveries). */
function arrivals(incidents: readonly CandidateIncident[]): fc.Arbitrary<CandidateIncident[]> {
  const n = incidents.length;
  return fc
    .tuple(
      fc.shuffledSubarray([...incidents], { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: 2 * n })), { maxLength: 4 }),
    )
    .map(([order, again]) => {
      const out = [...order];
      for (const [which, at] of again) out.splice(Math.min(at, out.length), 0, incidents[which]);
      return out;
    });
}

/** Times in minutes: anywhere, or on 6 h steps so that incidents exactly a window apart are common. */
const minutesWithin = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max }),
    fc.integer({ min: 0, max: max / 360 }).map((k) => k * 360),
  );

const onCi = (minutes: number[], linked: boolean[]) =>
  minutes.map((m, i) => incidentAt(`inc-${i}`, m / 60, { linkedToProblem: linked[i] }));

/** Whether some window of the rules' length holds N incidents that count (both ends inclusive). */
function someWindowHoldsN(incidents: readonly CandidateIncident[], rules: CandidateRules): boolean {
  const times = incidents.filter((i) => !i.linkedToProblem).map((i) => i.openedAt.getTime());
  return times.some((from) => times.filter((t) => t >= from && t - from <= rules.windowMs).length >= rules.minIncidents);
}

describe('detectCandidates: arrival order and repeats (property-based)', () => {
  it('raises the same 5 at the last arrival whichever of the 120 orders they come in', () => {
    const five = incidentsAt([0, 3, 11.5, 20, 24]);
    for (const order of permutations(five)) {
      const stream = new CandidateStream();
      const decisions = order.map((incident) => stream.deliver(incident));
      expect(decisions.slice(0, 4)).toEqual([[], [], [], []]);
      expect(decisions[4]).toEqual([{ action: 'raise', key: { kind: 'ci', ciId: 'ci-1' }, incidentIds: ids(five) }]);
    }
  });

  it('within one window: one candidate with exactly the incidents that count, whatever the order and repeats', () => {
    const scenario = fc
      .record({
        minutes: fc.array(minutesWithin(24 * 60), { minLength: 1, maxLength: 12 }),
        minIncidents: fc.integer({ min: 2, max: 6 }),
        // About one in five linked to a problem already.
        linkedSeed: fc.array(
          fc.nat({ max: 4 }).map((x) => x === 0),
          { minLength: 12, maxLength: 12 },
        ),
      })
      .chain(({ minutes, minIncidents, linkedSeed }) => {
        const incidents = onCi(minutes, linkedSeed);
        return fc.record({
          incidents: fc.constant(incidents),
          order: arrivals(incidents),
          minIncidents: fc.constant(minIncidents),
        });
      });
    fc.assert(
      fc.property(scenario, ({ incidents, order, minIncidents }) => {
        const stream = new CandidateStream({ ...DEFAULT_CANDIDATE_RULES, minIncidents });
        stream.deliverAll(order);
        const counting = ids(incidents.filter((i) => !i.linkedToProblem)).sort();
        const expected = counting.length >= minIncidents ? [{ key: 'ci:ci-1', state: 'open', incidentIds: counting }] : [];
        expect(stream.summary()).toEqual(expected);
        for (const incident of incidents) expect(stream.deliver(incident)).toEqual([]);
      }),
    );
  });

  it('over several windows: candidates exist exactly when some window holds N, are disjoint, and repeats change nothing', () => {
    const scenario = fc
      .record({
        minutes: fc.array(minutesWithin(4 * 24 * 60), { minLength: 1, maxLength: 16 }),
        minIncidents: fc.integer({ min: 2, max: 5 }),
        linked: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }).map((xs) => xs.map((x, i) => x && i % 3 === 0)),
      })
      .chain(({ minutes, minIncidents, linked }) => {
        const incidents = onCi(minutes, linked);
        return fc.record({
          incidents: fc.constant(incidents),
          order: arrivals(incidents),
          minIncidents: fc.constant(minIncidents),
        });
      });
    fc.assert(
      fc.property(scenario, ({ incidents, order, minIncidents }) => {
        const rules = { ...DEFAULT_CANDIDATE_RULES, minIncidents };
        const stream = new CandidateStream(rules);
        for (const incident of order) {
          const decisions = stream.deliver(incident);
          expect(decisions.length).toBeLessThanOrEqual(1);
          for (const decision of decisions) checkRaise(decision, incident, stream, rules);
        }
        const members = stream.candidates.flatMap((c) => c.incidentIds);
        expect(new Set(members).size).toBe(members.length);
        expect(stream.candidates.length > 0).toBe(someWindowHoldsN(incidents, rules));
        // Nothing that counts and is in no candidate could still make N in one window.
        expect(
          someWindowHoldsN(
            incidents.filter((i) => !members.includes(i.id)),
            rules,
          ),
        ).toBe(false);
        for (const id of members) expect(stream.deliver(stream.incidents.get(id)!)).toEqual([]);
      }),
    );
  });

  it('by category: one candidate per theme that reaches N, never mixing themes, whatever the order', () => {
    const theme = (name: string, n: number) => [`${name}-a`, `${name}-b`, `noise-${n}`];
    const scenario = fc
      .array(fc.tuple(minutesWithin(24 * 60), fc.constantFrom('vpn', 'printer', 'mail')), { minLength: 1, maxLength: 14 })
      .chain((specs) => {
        const incidents = specs.map(([minute, name], i) =>
          incidentAt(`inc-${i}`, minute / 60, { ciId: null, category: 'Network', terms: theme(name, i) }),
        );
        return fc.record({ incidents: fc.constant(incidents), order: arrivals(incidents) });
      });
    fc.assert(
      fc.property(scenario, ({ incidents, order }) => {
        const stream = new CandidateStream();
        stream.deliverAll(order);
        const themeOf = (id: string) => stream.incidents.get(id)!.terms[0];
        const expected = ['mail-a', 'printer-a', 'vpn-a']
          .map((t) => ids(incidents.filter((i) => i.terms[0] === t)).sort())
          .filter((group) => group.length >= DEFAULT_CANDIDATE_RULES.minIncidents);
        const actual = stream.summary().map((c) => c.incidentIds);
        expect(actual.map((group) => new Set(group.map(themeOf)).size)).toEqual(actual.map(() => 1));
        expect(actual.sort((a, b) => themeOf(a[0]).localeCompare(themeOf(b[0])))).toEqual(expected);
      }),
    );
  });
});

function checkRaise(decision: CandidateDecision, arriving: CandidateIncident, stream: CandidateStream, rules: CandidateRules) {
  if (decision.action !== 'raise') {
    expect(decision.addIncidentIds).toContain(arriving.id);
    return;
  }
  const members = decision.incidentIds.map((id) => stream.incidents.get(id)!);
  const times = members.map((m) => m.openedAt.getTime());
  expect(members.length).toBeGreaterThanOrEqual(rules.minIncidents);
  expect(decision.incidentIds).toContain(arriving.id);
  expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(rules.windowMs);
  expect(members.every((m) => !m.linkedToProblem)).toBe(true);
  expect([...times].sort((a, b) => a - b)).toEqual(times);
}
