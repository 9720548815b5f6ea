import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A category (`network`) or subcategory (`network.vpn`) that incidents are filed under. */
@Entity({ name: 'category' })
export class CategoryEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Stable, lower case; a subcategory's code is its parent's code, a dot and its own part. */
  @Column('text')
  code: string;

  /** Null for a top-level category. */
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @Column('text')
  nameJa: string;

  @Column('text')
  nameEn: string;

  @Column('boolean')
  active: boolean;

  /** False for hardware break/fix and on-site work: net FCR leaves them out (itil.md). */
  @Column('boolean')
  firstLevelResolvable: boolean;

  /** Position among its siblings (lower first), then code. */
  @Column('integer')
  sortOrder: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  changedAt: Date;

  /** Who made the last change: a user id or a system actor such as `incident-service:seed`. */
  @Column('text')
  changedBy: string;

  @Column('integer')
  version: number;
}
