import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldChange } from '../reference-change';

/** One change to a category: who, when, which action, and each field's before and after. */
@Entity({ name: 'category_history' })
export class CategoryHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  categoryId: string;

  @Column('timestamptz')
  at: Date;

  @Column('text')
  actorId: string;

  @Column('text')
  actorRole: string;

  /** created, updated, deactivated */
  @Column('text')
  action: string;

  @Column('jsonb', { default: () => "'[]'" })
  changes: FieldChange[];

  /** The category's version after this change. */
  @Column('integer')
  version: number;
}
