import type { IncidentSourceRecord } from '@helpdesk/contracts';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { CancelReason, Channel, HoldReason, IncidentState, ResolutionCode } from '../domain/incident-state';
import type { Impact, Priority, Urgency } from '../domain/priority-matrix';

@Entity({ name: 'incident' })
export class IncidentEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** INC0001234 */
  @Column('text', { unique: true })
  number: string;

  @Column('text')
  state: IncidentState;

  @Column('text', { nullable: true })
  holdReason: HoldReason | null;

  @Column('uuid')
  callerId: string;

  @Column('uuid')
  openedById: string;

  @Column('text')
  channel: Channel;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text', { nullable: true })
  subcategory: string | null;

  @Column('text')
  shortDescription: string;

  @Column('text')
  description: string;

  @Column('smallint')
  impact: Impact;

  @Column('smallint')
  urgency: Urgency;

  @Column('smallint')
  priority: Priority;

  /** Configuration item (the asset service's CI id or CI-number). */
  @Column('text', { nullable: true })
  ciId: string | null;

  @Column('uuid', { nullable: true })
  assignmentGroupId: string | null;

  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  @Column('text', { nullable: true })
  resolutionCode: ResolutionCode | null;

  @Column('text', { nullable: true })
  resolutionNotes: string | null;

  @Column('text', { nullable: true })
  knowledgeArticleId: string | null;

  @Column('uuid', { nullable: true })
  problemId: string | null;

  /** The known error's workaround, shown on the incident once its problem publishes one. */
  @Column('text', { nullable: true })
  workaround: string | null;

  /** The linked problem was resolved: agents are asked to confirm this incident's resolution. */
  @Column('timestamptz', { nullable: true })
  problemResolutionProposedAt: Date | null;

  @Column('uuid', { nullable: true })
  resolvedById: string | null;

  @Column('text', { nullable: true })
  cancelReason: CancelReason | null;

  @Column('integer', { default: 0 })
  reassignmentCount: number;

  @Column('integer', { default: 0 })
  reopenCount: number;

  @Column('boolean', { default: false })
  firstContactClaimed: boolean;

  @Column('timestamptz')
  openedAt: Date;

  @Column('timestamptz', { nullable: true })
  firstResponseAt: Date | null;

  @Column('timestamptz', { nullable: true })
  assignedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  // SLA figures kept on the row (by the SLA module) so queues sort and filter without joins.
  @Column('timestamptz', { nullable: true })
  responseDueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  resolutionDueAt: Date | null;

  @Column('boolean', { default: false })
  responseBreached: boolean;

  @Column('boolean', { default: false })
  resolutionBreached: boolean;

  /** `live`, or the system imported history came from (`servicenow`). */
  @Column('text', { default: 'live' })
  source: string;

  /** The record's key in the source system, unique per source (idempotent imports). */
  @Column('text', { nullable: true })
  externalKey: string | null;

  /** Imported incidents: the source's own final record (counters, SLA verdict, resolved_at); null for live work. */
  @Column('jsonb', { nullable: true })
  sourceRecord: IncidentSourceRecord | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
