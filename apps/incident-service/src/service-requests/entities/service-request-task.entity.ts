import type { FulfilmentTaskState } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One fulfilment task, made from the item's task templates when fulfilment starts. */
@Entity({ name: 'service_request_task' })
export class ServiceRequestTaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  requestId: string;

  @Column('smallint')
  seq: number;

  @Column('text')
  titleJa: string;

  @Column('text')
  titleEn: string;

  @Column('text')
  state: FulfilmentTaskState;

  @Column('uuid', { nullable: true })
  groupId: string | null;

  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  @Column('uuid', { nullable: true })
  completedById: string | null;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  @Column('timestamptz')
  createdAt: Date;
}
