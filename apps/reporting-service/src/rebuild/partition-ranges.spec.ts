import { fromEarliest, PartitionProgress, rangeSize, since, truncatedPartitions } from './partition-ranges';

const T = 'helpdesk.incident.incident.v1';
const messages = (...offsets: number[]) => offsets.map((o) => ({ offset: String(o) }));

describe('partition ranges', () => {
  it('keep only the messages inside [next, end): a fetch from before the seek, or past the captured end', () => {
    const progress = new PartitionProgress([{ topic: T, partition: 0, start: '5', end: '8' }]);
    expect(progress.wanted(T, 0, messages(3, 4, 5, 6, 7, 8, 9)).map((m) => m.offset)).toEqual(['5', '6', '7']);
    expect(progress.wanted(T, 1, messages(5))).toEqual([]);
    expect(progress.wanted('other', 0, messages(5))).toEqual([]);
  });

  it('advance forward only, up to the end, and say when every partition is done', () => {
    const progress = new PartitionProgress([
      { topic: T, partition: 0, start: '0', end: '3' },
      { topic: T, partition: 1, start: '4', end: '4' },
    ]);
    expect(progress.isDone(T, 1)).toBe(true);
    expect(progress.allDone()).toBe(false);
    progress.advance(T, 0, '1');
    expect(progress.wanted(T, 0, messages(0, 1, 2)).map((m) => m.offset)).toEqual(['2']);
    progress.advance(T, 0, '0'); // a redelivered batch never moves it back
    expect(progress.wanted(T, 0, messages(1, 2)).map((m) => m.offset)).toEqual(['2']);
    progress.advance(T, 0, '41'); // a batch read past the end (transaction markers, the live tail)
    expect(progress.isDone(T, 0)).toBe(true);
    expect(progress.allDone()).toBe(true);
  });

  it('replay from the earliest offsets, then catch up from where the replay ended (new partitions from their start)', () => {
    const replay = fromEarliest(T, [
      { partition: 0, low: '0', high: '10' },
      { partition: 1, low: '2', high: '7' },
    ]);
    expect(replay).toEqual([
      { topic: T, partition: 0, start: '0', end: '10' },
      { topic: T, partition: 1, start: '2', end: '7' },
    ]);
    expect(rangeSize(replay)).toBe(15);
    const catchUp = since(replay, T, [
      { partition: 0, low: '0', high: '12' },
      { partition: 1, low: '2', high: '7' },
      { partition: 2, low: '0', high: '3' },
    ]);
    expect(catchUp).toEqual([
      { topic: T, partition: 0, start: '10', end: '12' },
      { topic: T, partition: 1, start: '7', end: '7' },
      { topic: T, partition: 2, start: '0', end: '3' },
    ]);
    expect(rangeSize(catchUp)).toBe(5);
  });

  it('handle offsets beyond 2^53', () => {
    const progress = new PartitionProgress([{ topic: T, partition: 0, start: '9007199254740993', end: '9007199254740995' }]);
    expect(progress.wanted(T, 0, messages(1)).length).toBe(0);
    expect(progress.wanted(T, 0, [{ offset: '9007199254740994' }])).toHaveLength(1);
  });

  it('name the partitions that no longer start at offset 0 (retention deleted their oldest events)', () => {
    const offsets = new Map([
      [
        T,
        [
          { partition: 0, low: '0', high: '10' },
          { partition: 1, low: '3', high: '7' },
        ],
      ],
      ['helpdesk.knowledge.article.v1', [{ partition: 0, low: '0', high: '0' }]],
    ]);
    expect(truncatedPartitions(offsets)).toEqual(new Map([[T, [1]]]));
  });
});
