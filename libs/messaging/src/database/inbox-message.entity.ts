import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer group has applied; its key makes a redelivery a no-op. */
@Entity({ name: 'inbox_message' })
export class InboxMessage {
  @PrimaryColumn({ name: 'consumer_group', type: 'varchar', length: 255 })
  consumerGroup: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
