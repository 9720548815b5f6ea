import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldChange } from '../../categories/reference-change';

/** One change to a routing rule (kept after the rule is deleted): who, when, what. */
@Entity({ name: 'routing_rule_history' })
export class RoutingRuleHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  ruleId: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  actorId: string;

  @Column('text')
  actorRole: string;

  /** created, updated, deactivated, deleted */
  @Column('text')
  action: string;

  @Column('jsonb', { default: () => "'[]'" })
  changes: FieldChange[];

  /** The rule's version after this change. */
  @Column('integer')
  version: number;
}
