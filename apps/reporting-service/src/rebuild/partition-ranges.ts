/** Offsets [start, end) of one partition to read; Kafka offsets as kafkajs gives them (decimal strings). */
export interface PartitionRange {
  topic: string;
  partition: number;
  start: string;
  end: string;
}

/** A partition's offsets as admin.fetchTopicOffsets reports them. */
export interface PartitionOffsets {
  partition: number;
  /** The earliest offset still in the log (above 0 once retention deleted something). */
  low: string;
  /** The offset the next message will get. */
  high: string;
}

export const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/**
 * How far each partition of a read has got. Messages outside [next, end) are not wanted: a fetch may
 * start before the seek takes effect, or run past the end captured at the start.
 */
export class PartitionProgress {
  private readonly next = new Map<string, bigint>();
  private readonly end = new Map<string, bigint>();

  constructor(ranges: readonly PartitionRange[]) {
    for (const r of ranges) {
      this.next.set(partitionKey(r.topic, r.partition), BigInt(r.start));
      this.end.set(partitionKey(r.topic, r.partition), BigInt(r.end));
    }
  }

  /** The messages of a fetched batch that fall in the partition's remaining range, in offset order. */
  wanted<T extends { offset: string }>(topic: string, partition: number, messages: readonly T[]): T[] {
    const key = partitionKey(topic, partition);
    const next = this.next.get(key);
    const end = this.end.get(key);
    if (next === undefined || end === undefined) return [];
    return messages.filter((m) => {
      const offset = BigInt(m.offset);
      return offset >= next && offset < end;
    });
  }

  /** Everything up to and including `offset` has been read (never moves back, never past the end). */
  advance(topic: string, partition: number, offset: string): void {
    const key = partitionKey(topic, partition);
    const next = this.next.get(key);
    const end = this.end.get(key);
    if (next === undefined || end === undefined) return;
    const after = BigInt(offset) + 1n;
    this.next.set(key, after > end ? end : after > next ? after : next);
  }

  isDone(topic: string, partition: number): boolean {
    const key = partitionKey(topic, partition);
    const next = this.next.get(key);
    return next === undefined || next >= this.end.get(key)!;
  }

  allDone(): boolean {
    for (const [key, next] of this.next) if (next < this.end.get(key)!) return false;
    return true;
  }
}

/** Ranges from each partition's earliest offset to the end captured now (what a rebuild replays). */
export function fromEarliest(topic: string, offsets: readonly PartitionOffsets[]): PartitionRange[] {
  return offsets.map((o) => ({ topic, partition: o.partition, start: o.low, end: o.high }));
}

/**
 * Ranges from where the previous read ended to the ends captured now. A partition added since has no
 * previous end: it starts at its earliest offset.
 */
export function since(
  previous: readonly PartitionRange[],
  topic: string,
  offsets: readonly PartitionOffsets[],
): PartitionRange[] {
  const before = new Map(previous.map((r) => [partitionKey(r.topic, r.partition), r.end]));
  return offsets.map((o) => ({
    topic,
    partition: o.partition,
    start: before.get(partitionKey(topic, o.partition)) ?? o.low,
    end: o.high,
  }));
}

/** Messages in the ranges (end - start summed); a compacted topic may hold fewer. */
export function rangeSize(ranges: readonly PartitionRange[]): number {
  return ranges.reduce((n, r) => n + Math.max(0, Number(BigInt(r.end) - BigInt(r.start))), 0);
}

/** Partitions whose earliest offset is above 0, per topic: retention (or DeleteRecords) removed their start. */
export function truncatedPartitions(offsets: ReadonlyMap<string, readonly PartitionOffsets[]>): Map<string, number[]> {
  const truncated = new Map<string, number[]>();
  for (const [topic, partitions] of offsets) {
    const cut = partitions.filter((p) => BigInt(p.low) > 0n).map((p) => p.partition);
    if (cut.length > 0) truncated.set(topic, cut);
  }
  return truncated;
}
