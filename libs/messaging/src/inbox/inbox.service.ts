import { EventEnvelope } from '@helpdesk/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, ResolvedMessagingOptions } from '../messaging.options';

export type InboxOutcome = 'applied' | 'duplicate';

/** Idempotent consumers: an event's effect is applied once per consumer group, however often it arrives. */
@Injectable()
export class InboxService {
  /** This service's consumer group (MessagingModule's consumerGroup, default the service name). */
  readonly consumerGroup: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) options: ResolvedMessagingOptions,
  ) {
    this.consumerGroup = options.consumerGroup;
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
}
