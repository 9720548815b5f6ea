import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A changed field: from → to, or only its name for secrets. */
export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
  /** Set for secrets (passwords): that it changed is recorded, never the values. */
  redacted?: true;
}

/** Who did what to which entity, written in the same transaction as the change. */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('timestamptz')
  occurredAt: Date;

  /** A user id, a system name (seed), or null for an anonymous caller (a failed login). */
  @Column('text', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  actorRole: string | null;

  @Column('text')
  action: string;

  @Column('text')
  entityType: string;

  @Column('text', { nullable: true })
  entityId: string | null;

  @Column('jsonb')
  changes: FieldChange[];

  /** Extra facts: client address, e-mail tried, reason. */
  @Column('jsonb')
  context: Record<string, unknown>;

  @Column('text', { nullable: true })
  correlationId: string | null;
}
