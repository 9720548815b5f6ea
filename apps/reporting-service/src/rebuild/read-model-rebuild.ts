import { randomBytes } from 'node:crypto';
import { Logger, LoggerService } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource, QueryRunner } from 'typeorm';
import { EventBatchApplier, TopicCounts } from './event-batch-applier';
import { fromEarliest, PartitionOffsets, PartitionRange, rangeSize, since, truncatedPartitions } from './partition-ranges';
import { ReadModelProjections } from './read-model-projections';
import { READ_MODEL_TABLES } from './read-model-tables';
import { RebuildSummary, TopicRebuildSummary } from './rebuild-summary';
import { REBUILD_SCHEMA_PREFIX, RETIRED_SCHEMA_PREFIX, ShadowSchema } from './shadow-schema';
import { TopicRangeReader } from './topic-range-reader';

/** Where a rebuild is; `onPhase` is awaited before each phase starts. */
export type RebuildPhase = 'replaying' | 'swapping' | 'catching-up';

export interface ReadModelRebuildOptions {
  /** The service's database (its pool lends the rebuild one connection for the whole run). */
  dataSource: DataSource;
  kafka: Kafka;
  projections: ReadModelProjections;
  /** The topics that feed the read models (REPORTING_CONSUMES). */
  topics: readonly string[];
  /** The throw-away consumer group is `<groupPrefix>-<run id>`. Default `reporting-service-rebuild`. */
  groupPrefix?: string;
  /**
   * Rebuild even though retention deleted the start of a topic (the result then misses those events).
   * Default false: refuse, since the swap would replace complete tables with incomplete ones.
   */
  allowTruncatedTopics?: boolean;
  /** Events per transaction. Default 500. */
  chunkSize?: number;
  /** Partitions applied side by side, one database connection each. Default 3 (the topics' partitions). */
  concurrency?: number;
  logger?: LoggerService;
  onPhase?: (phase: RebuildPhase) => void | Promise<void>;
}

/** One rebuild at a time per database: a second one would swap tables under the first. */
const REBUILD_LOCK_KEY = 'reporting-service:read-model-rebuild';

const NO_COUNTS: TopicCounts = { read: 0, applied: 0, bad: 0 };

/**
 * Rebuilds every read model from the topics while the service keeps running:
 * 1. capture each partition's end offset; replay every topic from its earliest offset (0 with unlimited
 *    retention) to those ends into a shadow schema, with the consumers' own projections (idempotent and
 *    order-tolerant, so no inbox), many events per transaction, a few partitions side by side;
 * 2. swap the shadow tables in for the live ones in one short transaction;
 * 3. catch up from the captured ends to the ends right after the swap into the now-live tables: what the
 *    live consumer applied meanwhile went into the tables that were swapped out. The live consumer keeps
 *    consuming throughout; an event applied by both is applied twice, which the projections absorb.
 * Then the old tables and the shadow schema are dropped. weekly_digest and the messaging tables are not
 * touched.
 */
export class ReadModelRebuild {
  private readonly logger: LoggerService;

  constructor(private readonly options: ReadModelRebuildOptions) {
    this.logger = options.logger ?? new Logger(ReadModelRebuild.name);
  }

  async run(): Promise<RebuildSummary> {
    const { topics, projections } = this.options;
    projections.assertCovers(topics);
    const startedAt = new Date();
    const id = runId(startedAt);
    const shadowName = `${REBUILD_SCHEMA_PREFIX}${id}`;
    const retiredName = `${RETIRED_SCHEMA_PREFIX}${id}`;
    const concurrency = Math.max(1, this.options.concurrency ?? 3);
    const reader = new TopicRangeReader(this.options.kafka, {
      groupId: `${this.options.groupPrefix ?? 'reporting-service-rebuild'}-${id}`,
      chunkSize: this.options.chunkSize,
      concurrency,
    });
    // One connection holds the rebuild's lock and changes the schemas; the others apply events.
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    const appliers: QueryRunner[] = [];
    let locked = false;
    let shadow: ShadowSchema | null = null;
    let swapped = false;
    try {
      locked = await tryLock(runner);
      if (!locked) throw new Error('Another read-model rebuild is running on this database');
      shadow = await ShadowSchema.of(runner, READ_MODEL_TABLES, this.logger);
      await shadow.assertSwappable();
      const droppedLeftovers = await shadow.dropLeftovers();
      if (droppedLeftovers.length > 0) this.logger.warn(`Dropped leftovers of earlier rebuilds: ${droppedLeftovers.join(', ')}`);

      const startOffsets = await reader.offsets(topics);
      const truncated = this.checkRetention(startOffsets);
      const replay = topics.flatMap((topic) => fromEarliest(topic, startOffsets.get(topic) ?? []));
      const deferredIndexes = await shadow.create(shadowName);
      for (let i = 0; i < concurrency; i++) {
        appliers.push(this.options.dataSource.createQueryRunner());
        await appliers[i].connect();
      }
      const applier = new EventBatchApplier(appliers, projections, this.logger);

      await this.options.onPhase?.('replaying');
      let phaseStart = Date.now();
      this.logger.log(`Replaying ${describe(replay)} into ${shadowName}`);
      await reader.read(replay, (chunk) => applier.apply(shadowName, chunk));
      await shadow.finish(shadowName, deferredIndexes);
      const replayed = new Map(topics.map((topic) => [topic, applier.countsOf(topic)]));
      const replayMs = Date.now() - phaseStart;

      await this.options.onPhase?.('swapping');
      phaseStart = Date.now();
      await shadow.swap(shadowName, retiredName);
      swapped = true;
      const swapMs = Date.now() - phaseStart;

      await this.options.onPhase?.('catching-up');
      phaseStart = Date.now();
      const endOffsets = await reader.offsets(topics);
      const catchUp = topics.flatMap((topic) => since(replay, topic, endOffsets.get(topic) ?? []));
      this.logger.log(`Catching up ${describe(catchUp)} into ${shadow.live}`);
      await reader.read(catchUp, (chunk) => applier.apply(shadow!.live, chunk));
      const catchUpMs = Date.now() - phaseStart;

      await shadow.drop(retiredName);
      await shadow.drop(shadowName);
      const tables = await shadow.countRows();
      return {
        schema: shadowName,
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
        phasesMs: { replay: replayMs, swap: swapMs, catchUp: catchUpMs },
        topics: topics.map((topic): TopicRebuildSummary => {
          const before = replayed.get(topic) ?? NO_COUNTS;
          const after = applier.countsOf(topic);
          return {
            topic,
            partitions: startOffsets.get(topic)?.length ?? 0,
            truncatedPartitions: truncated.get(topic) ?? [],
            replayed: before,
            caughtUp: { read: after.read - before.read, applied: after.applied - before.applied, bad: after.bad - before.bad },
          };
        }),
        tables,
        droppedLeftovers,
      };
    } catch (err) {
      if (shadow && !swapped) await shadow.drop(shadowName).catch(() => undefined);
      if (swapped) {
        this.logger.error(
          `The rebuilt tables are live but catching up failed; events applied during the rebuild may be missing until it is run again`,
        );
      }
      throw err;
    } finally {
      await reader
        .deleteGroup()
        .catch((err: Error) => this.logger.warn(`Could not delete the rebuild's consumer group: ${err.message}`));
      for (const applierRunner of appliers) await applierRunner.release();
      if (locked) await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [REBUILD_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  }

  /** Partitions that no longer start at 0, per topic; refused unless allowTruncatedTopics. */
  private checkRetention(offsets: Map<string, PartitionOffsets[]>): Map<string, number[]> {
    const truncated = truncatedPartitions(offsets);
    if (truncated.size === 0) return truncated;
    const which = [...truncated].map(([topic, partitions]) => `${topic} (partitions ${partitions.join(', ')})`).join('; ');
    const message = `Retention has deleted the oldest events of ${which}: offset 0 no longer means everything`;
    if (!this.options.allowTruncatedTopics) {
      throw new Error(
        `${message}. Refusing to replace the read models with incomplete ones (--allow-truncated-topics to proceed anyway)`,
      );
    }
    this.logger.warn(`${message}; rebuilding from what is left, as allowed`);
    return truncated;
  }
}

async function tryLock(runner: QueryRunner): Promise<boolean> {
  const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [REBUILD_LOCK_KEY]);
  return locked === true;
}

/** `20260302t010203_1a2b3c`: sortable, unique enough, a valid lower-case identifier part. */
function runId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').toLowerCase();
  return `${stamp}_${randomBytes(3).toString('hex')}`;
}

function describe(ranges: readonly PartitionRange[]): string {
  return `${rangeSize(ranges)} offsets of ${new Set(ranges.map((r) => r.topic)).size} topic(s)`;
}
