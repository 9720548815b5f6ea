import fc from 'fast-check';
import { OutboxRow, publishableInOrder, toTopicMessages, UnsentBlocker } from './outbox-batch';

const row = (position: number, messageKey: string, topic = 't'): OutboxRow => ({
  id: `id-${position}`,
  position: String(position),
  topic,
  messageKey,
  envelope: { position },
  headers: { 'x-event-id': `id-${position}` },
  traceContext: null,
});

describe('publishableInOrder', () => {
  it('keeps everything when nothing older is held elsewhere', () => {
    const batch = [row(1, 'a'), row(2, 'b'), row(3, 'a')];
    expect(publishableInOrder(batch, [])).toEqual(batch);
  });

  it('drops a key whose older row is locked by another replica, and only that key', () => {
    const batch = [row(5, 'a'), row(6, 'b'), row(7, 'a')];
    const blockers: UnsentBlocker[] = [{ topic: 't', messageKey: 'a', position: '4' }];
    expect(publishableInOrder(batch, blockers).map((r) => r.position)).toEqual(['6']);
  });

  it('still sends rows of the key that are older than the blocker', () => {
    const batch = [row(1, 'a'), row(9, 'a')];
    expect(publishableInOrder(batch, [{ topic: 't', messageKey: 'a', position: '5' }]).map((r) => r.position)).toEqual(['1']);
  });

  it('treats the same key on another topic as another order', () => {
    const batch = [row(5, 'a', 't1'), row(6, 'a', 't2')];
    expect(publishableInOrder(batch, [{ topic: 't1', messageKey: 'a', position: '1' }]).map((r) => r.topic)).toEqual(['t2']);
  });

  it('compares positions as big integers, not strings', () => {
    const batch = [row(10, 'a')];
    expect(publishableInOrder(batch, [{ topic: 't', messageKey: 'a', position: '9' }])).toEqual([]);
    expect(publishableInOrder([row(9, 'a')], [{ topic: 't', messageKey: 'a', position: '10' }])).toHaveLength(1);
  });

  it('never lets a row out before an older unsent row of its key (any split between two replicas)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.boolean()), { minLength: 1, maxLength: 40 }), (rows) => {
        // Each row is either in our batch (true) or locked by the other replica (false).
        const all = rows.map(([key], i) => row(i + 1, key));
        const ours = all.filter((_, i) => rows[i][1]);
        const theirs = all.filter((_, i) => !rows[i][1]);
        const blockers = theirs.map((r) => ({ topic: r.topic, messageKey: r.messageKey, position: r.position }));
        for (const sent of publishableInOrder(ours, blockers)) {
          const olderHeld = theirs.some((t) => t.messageKey === sent.messageKey && Number(t.position) < Number(sent.position));
          expect(olderHeld).toBe(false);
        }
      }),
    );
  });
});

describe('toTopicMessages', () => {
  it('groups by topic in position order, keyed by the message key, value = JSON envelope', () => {
    const out = toTopicMessages([row(3, 'k1', 'x'), row(1, 'k2', 'y'), row(2, 'k1', 'x')]);
    expect(out).toEqual([
      { topic: 'y', messages: [{ key: 'k2', value: '{"position":1}', headers: { 'x-event-id': 'id-1' } }] },
      {
        topic: 'x',
        messages: [
          { key: 'k1', value: '{"position":2}', headers: { 'x-event-id': 'id-2' } },
          { key: 'k1', value: '{"position":3}', headers: { 'x-event-id': 'id-3' } },
        ],
      },
    ]);
  });
});
