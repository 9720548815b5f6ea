import { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { fromEarliest, PartitionOffsets, PartitionProgress, PartitionRange } from './partition-ranges';

/** Messages of one partition, in offset order. */
export interface TopicMessages {
  topic: string;
  partition: number;
  messages: Array<{ offset: string; value: Buffer | null }>;
}

export interface TopicRangeReaderOptions {
  /** A consumer group of its own (never the service's): it only exists to be handed partitions. */
  groupId: string;
  /** Most messages handed over at once (one database transaction each). Default 500. */
  chunkSize?: number;
  /** Partitions handled side by side (each in order). Default 1. */
  concurrency?: number;
}

/**
 * Reads fixed offset ranges of topics, in order per partition (partitions side by side up to `concurrency`),
 * with a throw-away consumer group
 * (kafkajs reads only through a group). Every partition is sought to its start before the first fetch
 * and paused once it reaches its end, so the live tail is never read; messages outside a range are
 * skipped. Any failure (the handler's, or a consumer crash) ends the read with that error: no restart,
 * no partial retry.
 */
export class TopicRangeReader {
  private readonly chunkSize: number;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: TopicRangeReaderOptions,
  ) {
    this.chunkSize = options.chunkSize ?? 500;
  }

  /** Each topic's partitions with their earliest and next offsets; a topic that does not exist has none. */
  async offsets(topics: readonly string[]): Promise<Map<string, PartitionOffsets[]>> {
    return this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const out = new Map<string, PartitionOffsets[]>();
      for (const topic of topics) {
        const offsets = existing.has(topic) ? await admin.fetchTopicOffsets(topic) : [];
        out.set(
          topic,
          offsets.map((o) => ({ partition: o.partition, low: o.low, high: o.high })).sort((a, b) => a.partition - b.partition),
        );
      }
      return out;
    });
  }

  /** Ranges from the earliest offsets to the current ends. */
  async fromEarliest(topics: readonly string[]): Promise<PartitionRange[]> {
    const offsets = await this.offsets(topics);
    return topics.flatMap((topic) => fromEarliest(topic, offsets.get(topic) ?? []));
  }

  /** Hands every message in the ranges to `handle`, chunk by chunk, and returns once all were handled. */
  async read(ranges: readonly PartitionRange[], handle: (chunk: TopicMessages) => Promise<void>): Promise<void> {
    const progress = new PartitionProgress(ranges);
    const pending = ranges.filter((r) => !progress.isDone(r.topic, r.partition));
    if (pending.length === 0) return;
    const topics = [...new Set(pending.map((r) => r.topic))];
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      // A chunk is one database transaction: ample time between heartbeats.
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      retry: { retries: 5, restartOnFailure: async () => false },
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        let failed = false;
        const fail = (err: unknown) => {
          failed = true;
          reject(err);
        };
        consumer.on(consumer.events.CRASH, (event) => fail(event.payload.error));
        // A batch of transaction markers only never reaches eachBatch: its end still counts as read.
        consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
          if (failed || payload.batchSize > 0) return;
          progress.advance(payload.topic, payload.partition, payload.lastOffset);
          if (progress.isDone(payload.topic, payload.partition)) {
            consumer.pause([{ topic: payload.topic, partitions: [payload.partition] }]);
          }
          if (progress.allDone()) resolve();
        });
        const eachBatch = async (payload: EachBatchPayload) => {
          if (failed) return;
          try {
            await this.readBatch(consumer, payload, progress, handle);
            if (progress.allDone()) resolve();
          } catch (err) {
            fail(err);
          }
        };
        // The group exists once run() has started synchronously: seeks and pauses set now apply from the
        // first fetch (what createConsumerGroupAtEnd in @helpdesk/testing relies on too).
        consumer
          .run({ eachBatchAutoResolve: false, partitionsConsumedConcurrently: this.options.concurrency ?? 1, eachBatch })
          .catch(fail);
        for (const r of ranges.filter((range) => topics.includes(range.topic))) {
          if (progress.isDone(r.topic, r.partition)) consumer.pause([{ topic: r.topic, partitions: [r.partition] }]);
          else consumer.seek({ topic: r.topic, partition: r.partition, offset: r.start });
        }
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
  }

  /** Removes the throw-away group (after the last read); a group that is already gone is fine. */
  async deleteGroup(): Promise<void> {
    await this.withAdmin(async (admin) => {
      try {
        await admin.deleteGroups([this.options.groupId]);
      } catch (err) {
        const groups = (err as { groups?: Array<{ errorCode?: number }> }).groups ?? [];
        // 69 GROUP_ID_NOT_FOUND: it never joined (nothing to read) or was removed already.
        if (!groups.every((g) => g.errorCode === 69)) throw err;
      }
    });
  }

  private async readBatch(
    consumer: Consumer,
    { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
    progress: PartitionProgress,
    handle: (chunk: TopicMessages) => Promise<void>,
  ): Promise<void> {
    const { topic, partition } = batch;
    const wanted = progress.wanted(topic, partition, batch.messages);
    for (let i = 0; i < wanted.length; i += this.chunkSize) {
      if (!isRunning() || isStale()) return;
      const messages = wanted.slice(i, i + this.chunkSize);
      await handle({ topic, partition, messages: messages.map((m) => ({ offset: m.offset, value: m.value })) });
      const last = messages[messages.length - 1].offset;
      progress.advance(topic, partition, last);
      resolveOffset(last);
      await heartbeat();
    }
    // The batch's last offset counts records it does not hand over (transaction markers): read past them.
    progress.advance(topic, partition, batch.lastOffset());
    if (progress.isDone(topic, partition)) consumer.pause([{ topic, partitions: [partition] }]);
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
