import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event a consumer group has applied; its key makes a redelivery a no-op. Pruned after inbox.retentionMs. */
@Entity({ name: 'inbox_message' })
@Index('inbox_message_processed_at_idx', ['processedAt'])
export class InboxMessage {
  @PrimaryColumn({ name: 'consumer_group', type: 'varchar', length: 255 })
  consumerGroup: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
