import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last event sequence number given to each aggregate (gap-free, per aggregate). */
@Entity({ name: 'aggregate_sequence' })
export class AggregateSequence {
  @PrimaryColumn({ name: 'aggregate_type', type: 'varchar', length: 100 })
  aggregateType: string;

  @PrimaryColumn({ name: 'aggregate_id', type: 'varchar', length: 255 })
  aggregateId: string;

  @Column({ name: 'last_sequence', type: 'bigint' })
  lastSequence: string;
}
