import { MetricsRegistry, tracerOf } from '@helpdesk/observability';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Tracer } from '@opentelemetry/api';
import { DataSource } from 'typeorm';
import { describeError } from '../error-text';
import { MESSAGING_OPTIONS, RelayOptions, ResolvedMessagingOptions } from '../messaging.options';
import { Backoff, WakeableSleep } from '../retry-backoff';
import { OutboxRow, publishableInOrder, toTopicMessages } from './outbox-batch';
import { OutboxMetrics } from './outbox.metrics';
import { OutboxPublisher } from './outbox-publisher';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';
import { startPublishSpans } from './outbox-tracing';

export interface RelayRoundResult {
  /** Rows this round locked. */
  fetched: number;
  /** Rows published and marked sent (fewer when another replica holds older rows of a key). */
  published: number;
}

/**
 * Publishes committed outbox rows to Kafka in position order and marks them sent, forever:
 * Kafka errors roll the round back and the loop backs off (so a write never waits for Kafka and
 * no event is lost). Safe with several replicas: rows are claimed with FOR UPDATE SKIP LOCKED and
 * a key's rows wait while an older one is held by another replica.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly options: RelayOptions;
  private readonly publisher: OutboxPublisher;
  private readonly metrics: OutboxMetrics;
  private readonly tracer: Tracer;
  private readonly newWork = new WakeableSleep();
  private readonly shutdown = new WakeableSleep();
  private readonly backoff: Backoff;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private failingSince: number | null = null;
  private nextPruneAt = 0;

  constructor(
    @Inject(MESSAGING_OPTIONS) messaging: ResolvedMessagingOptions,
    private readonly dataSource: DataSource,
    private readonly repository: OutboxRepository,
    signal: OutboxSignal,
    metricsRegistry: MetricsRegistry,
  ) {
    this.options = messaging.relay;
    this.backoff = new Backoff({ baseMs: this.options.baseBackoffMs, maxMs: this.options.maxBackoffMs, jitter: 0.2 });
    this.publisher = new OutboxPublisher({
      brokers: messaging.brokers,
      clientId: `${messaging.serviceName}-outbox-relay`,
      sendTimeoutMs: this.options.sendTimeoutMs,
    });
    this.metrics = new OutboxMetrics(metricsRegistry.registry, () => this.repository.backlog());
    this.tracer = tracerOf(messaging.serviceName);
    signal.subscribe(() => this.newWork.wake());
  }

  get running(): boolean {
    return this.loop !== null;
  }

  start(): void {
    if (this.loop || !this.options.enabled) return;
    this.stopping = false;
    this.logger.log(`Outbox relay started (poll every ${this.options.pollIntervalMs} ms, batches of ${this.options.batchSize})`);
    this.loop = this.run();
  }

  /** Finishes the round in flight, then disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.newWork.wake();
    this.shutdown.wake();
    await this.loop;
    this.loop = null;
    await this.publisher.close();
  }

  /** Publish soon (after a commit that appended events). */
  nudge(): void {
    this.newWork.wake();
  }

  /** One round: claim, publish, mark sent, commit. Throws (after rolling back) when publishing fails. */
  async relayOnce(): Promise<RelayRoundResult> {
    let claimed: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const batch = await this.repository.lockUnsent(manager, this.options.batchSize);
        if (batch.length === 0) return { fetched: 0, published: 0 };
        claimed = batch.map((row) => row.id);
        const blockers = await this.repository.findBlockers(manager, batch);
        const publishable = publishableInOrder(batch, blockers);
        if (publishable.length > 0) {
          await this.publishOrReset(publishable);
          await this.repository.markSent(
            manager,
            publishable.map((row) => row.id),
          );
          this.metrics.published(publishable);
        }
        return { fetched: batch.length, published: publishable.length };
      });
    } catch (err) {
      this.metrics.publishFailed();
      if (claimed.length > 0) await this.repository.recordFailure(claimed, describeError(err)).catch(() => undefined);
      throw err;
    }
  }

  private async publishOrReset(rows: OutboxRow[]): Promise<void> {
    const spans = startPublishSpans(this.tracer, rows);
    try {
      await this.publisher.publish(toTopicMessages(spans.rows));
      spans.end();
    } catch (err) {
      spans.end(err);
      await this.publisher.reset();
      throw err;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let result: RelayRoundResult;
      try {
        result = await this.relayOnce();
        this.recovered();
      } catch (err) {
        await this.shutdown.sleep(this.failed(err));
        continue;
      }
      await this.pruneIfDue();
      // A full batch means more is probably waiting; otherwise wait for a nudge or the next poll.
      if (result.fetched === this.options.batchSize && result.published > 0) continue;
      await this.newWork.sleep(this.options.pollIntervalMs);
    }
  }

  /** Logs only on the change from healthy to failing; returns the back-off delay. */
  private failed(err: unknown): number {
    const delay = this.backoff.fail();
    if (this.failingSince === null) {
      this.failingSince = Date.now();
      this.logger.warn(
        `Outbox relay cannot publish (${describeError(err)}); events stay in the outbox and are retried with back-off up to ${this.options.maxBackoffMs} ms`,
      );
    }
    return delay;
  }

  private recovered(): void {
    if (this.failingSince !== null) {
      const seconds = ((Date.now() - this.failingSince) / 1000).toFixed(1);
      this.logger.log(`Outbox relay publishing again after ${seconds} s (${this.backoff.consecutiveFailures} failed rounds)`);
      this.failingSince = null;
    }
    this.backoff.reset();
  }

  private async pruneIfDue(): Promise<void> {
    if (Date.now() < this.nextPruneAt) return;
    this.nextPruneAt = Date.now() + this.options.pruneIntervalMs;
    try {
      let total = 0;
      for (let deleted = -1; deleted !== 0 && !this.stopping;) {
        deleted = await this.repository.pruneSent(this.options.retentionMs);
        total += deleted;
      }
      if (total > 0) this.logger.log(`Pruned ${total} sent outbox rows older than the retention`);
    } catch (err) {
      this.logger.warn(`Outbox pruning failed (${describeError(err)}); will try again in ${this.options.pruneIntervalMs} ms`);
    }
  }
}
