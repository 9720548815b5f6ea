import type { ApprovalPolicy, ServiceRequestState } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A request from the catalog (itil.md "Service requests"); the item's names are copied so later edits do not rewrite it. */
@Entity({ name: 'service_request' })
export class ServiceRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** REQ0000042 */
  @Column('text', { unique: true })
  number: string;

  @Column('text')
  state: ServiceRequestState;

  @Column('uuid')
  catalogItemId: string;

  @Column('text')
  catalogItemCode: string;

  @Column('text')
  catalogItemNameJa: string;

  @Column('text')
  catalogItemNameEn: string;

  @Column('text')
  category: string;

  /** Who submitted it. */
  @Column('uuid')
  requesterId: string;

  /** Who it is for (the requester unless an agent submitted on someone's behalf). */
  @Column('uuid')
  requestedForId: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  form: Record<string, unknown>;

  @Column('text')
  approvalPolicy: ApprovalPolicy;

  /** The manager who must approve (policy `manager`). */
  @Column('uuid', { nullable: true })
  approverId: string | null;

  @Column('uuid', { nullable: true })
  approvalGroupId: string | null;

  @Column('text', { nullable: true })
  approvalGroupName: string | null;

  @Column('uuid', { nullable: true })
  decidedById: string | null;

  @Column('uuid', { nullable: true })
  fulfilmentGroupId: string | null;

  @Column('text', { nullable: true })
  cancelReason: string | null;

  @Column('timestamptz')
  submittedAt: Date;

  @Column('timestamptz', { nullable: true })
  approvalRequestedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  approvedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  rejectedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  fulfilmentStartedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  fulfilledAt: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;

  /** Bumped once per change (optimistic locking with If-Match / version). */
  @Column('integer')
  version: number;
}
