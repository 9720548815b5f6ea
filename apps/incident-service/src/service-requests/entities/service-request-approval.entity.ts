import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The approval decision on a request: who, when, in what capacity, with what comment (one per request). */
@Entity({ name: 'service_request_approval' })
export class ServiceRequestApprovalEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  requestId: string;

  @Column('text')
  decision: 'approved' | 'rejected';

  @Column('uuid')
  approverId: string;

  @Column('text')
  via: 'manager' | 'group';

  @Column('uuid', { nullable: true })
  approvalGroupId: string | null;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('timestamptz')
  decidedAt: Date;
}
