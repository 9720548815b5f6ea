import { IncidentFact, IncidentFactEvent } from './incident-fact';
import { AGENT, event, project, resolvedAt } from './incident-fact.fixture';

/** Every order of the events (n! of them), each also with one event delivered twice. */
function* orders(events: IncidentFactEvent[]): Generator<IncidentFactEvent[]> {
  if (events.length <= 1) {
    yield events;
    return;
  }
  for (let i = 0; i < events.length; i++) {
    const rest = [...events.slice(0, i), ...events.slice(i + 1)];
    for (const tail of orders(rest)) yield [events[i], ...tail];
  }
}

describe('mergeIncidentEvent: idempotent and order-tolerant', () => {
  const lifecycle = [
    event('created', 0, {}),
    event('state-changed', 5, { version: 2, state: 'on_hold', holdReason: 'awaiting_user' }),
    event('state-changed', 8, { version: 3, state: 'in_progress' }),
    resolvedAt(12, 4),
    event(
      'satisfaction-recorded',
      20,
      { version: 5, state: 'resolved', resolvedById: AGENT },
      { rating: 4, comment: 'ありがとう 🙏' },
    ),
  ];
  // Resolved at version 4; the satisfaction event's snapshot (version 5) keeps resolvedAt from its own fields.
  lifecycle[4].incident.resolvedAt = lifecycle[3].incident.resolvedAt;

  it('gives the same row for all 120 arrival orders, with and without a redelivery', () => {
    const expected = project(lifecycle);
    let checked = 0;
    for (const order of orders(lifecycle)) {
      expect(project(order)).toEqual(expected);
      expect(project([...order, order[checked % order.length]])).toEqual(expected);
      checked++;
    }
    expect(checked).toBe(120);
    expect(expected).toMatchObject<Partial<IncidentFact>>({
      incidentVersion: 5,
      everHeld: true,
      csatRating: 4,
      firstContactResolved: false,
      firstLevelResolved: true,
    });
  });

  it('an older event never overwrites a newer snapshot', () => {
    const fact = project([resolvedAt(12, 4), event('created', 0, {})]);
    expect(fact).toMatchObject({ incidentVersion: 4, state: 'resolved' });
  });
});
