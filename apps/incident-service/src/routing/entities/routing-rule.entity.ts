import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A routing rule: when every given condition holds for a new incident, it goes to the target group.
 * Each condition is an any-of list; an empty list is no condition.
 */
@Entity({ name: 'routing_rule' })
export class RoutingRuleEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Evaluation order: lower first (ties by id). */
  @Column('integer', { name: 'rule_order' })
  order: number;

  @Column('boolean')
  active: boolean;

  /** Category codes; a category also covers its subcategories. */
  @Column('text', { array: true })
  categories: string[];

  @Column('text', { array: true })
  channels: string[];

  @Column('text', { array: true })
  callerDepartments: string[];

  /** Any-of, matched against short description + description (see keyword-matcher.ts). */
  @Column('text', { array: true })
  keywords: string[];

  /** The target by id, or … */
  @Column('uuid', { nullable: true })
  assignmentGroupId: string | null;

  /** … by name, resolved through the directory when the rule is evaluated (seeded rules, before identity events). */
  @Column('text', { nullable: true })
  assignmentGroupName: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  changedAt: Date;

  /** Who made the last change: a user id or a system actor. */
  @Column('text')
  changedBy: string;

  @Column('integer')
  version: number;
}
