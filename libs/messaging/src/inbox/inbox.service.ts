import { EventEnvelope } from '@helpdesk/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { describeError } from '../error-text';
import { InboxOptions, MESSAGING_OPTIONS, ResolvedMessagingOptions } from '../messaging.options';
import { WakeableSleep } from '../retry-backoff';

export type InboxOutcome = 'applied' | 'duplicate';

/**
 * Idempotent consumers: an event's effect is applied once per consumer group, however often it
 * arrives. Rows older than inbox.retentionMs are pruned (see InboxOptions).
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger(InboxService.name);
  /** This service's consumer group (MessagingModule's consumerGroup, default the service name). */
  readonly consumerGroup: string;
  private readonly options: InboxOptions;
  private readonly shutdown = new WakeableSleep();
  private pruning: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) options: ResolvedMessagingOptions,
  ) {
    this.consumerGroup = options.consumerGroup;
    this.options = options.inbox;
  }

  /**
   * One transaction: record (consumerGroup, event id) in the inbox and run the effect with the
   * same manager. If the event was already recorded the effect is skipped. A concurrent delivery
   * of the same event waits on the first one's row lock, then sees the conflict: never both.
   * An effect that throws rolls back the inbox row too, so the retry applies it again.
   */
  handleOnce(
    consumerGroup: string,
    envelope: EventEnvelope,
    effect: (manager: EntityManager) => Promise<void>,
  ): Promise<InboxOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox_message (consumer_group, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumerGroup, envelope.id],
      );
      if (inserted.length === 0) return 'duplicate';
      await effect(manager);
      return 'applied';
    });
  }

  /**
   * Deletes the rows (of every consumer group) processed longer than retentionMs ago, in chunks;
   * returns how many. Replicas pruning at once skip each other's rows (SKIP LOCKED).
   */
  async prune(retentionMs = this.options.retentionMs, chunk = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const rows: Array<{ count: number }> = await this.dataSource.query(
        `WITH doomed AS (
           SELECT consumer_group, event_id FROM inbox_message
            WHERE processed_at < now() - ($1::bigint * interval '1 millisecond')
            ORDER BY processed_at LIMIT $2
              FOR UPDATE SKIP LOCKED
         ), deleted AS (
           DELETE FROM inbox_message i USING doomed d
            WHERE i.consumer_group = d.consumer_group AND i.event_id = d.event_id RETURNING 1
         )
         SELECT count(*)::int AS count FROM deleted`,
        [retentionMs, chunk],
      );
      total += rows[0].count;
      if (rows[0].count < chunk || this.stopping) return total;
    }
  }

  /** Prunes now, then every pruneIntervalMs, until stopPruning(). */
  startPruning(): void {
    if (this.pruning) return;
    this.stopping = false;
    this.pruning = (async () => {
      while (!this.stopping) {
        try {
          const deleted = await this.prune();
          if (deleted > 0) this.logger.log(`Pruned ${deleted} inbox rows older than the retention`);
        } catch (err) {
          this.logger.warn(`Inbox pruning failed (${describeError(err)}); will try again in ${this.options.pruneIntervalMs} ms`);
        }
        await this.shutdown.sleep(this.options.pruneIntervalMs);
      }
    })();
  }

  /** Finishes the chunk in flight (before the DataSource closes). */
  async stopPruning(): Promise<void> {
    this.stopping = true;
    this.shutdown.wake();
    await this.pruning;
    this.pruning = null;
  }
}
