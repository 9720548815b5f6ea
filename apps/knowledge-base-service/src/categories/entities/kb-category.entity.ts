import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A node of the article category tree (any depth); the search module filters by it, descendants included. */
@Entity({ name: 'kb_category' })
export class KbCategoryEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Stable, lower case (e.g. `network`, `network.vpn`). */
  @Column('text')
  code: string;

  @Column('uuid', { nullable: true })
  parentId: string | null;

  @Column('text')
  nameJa: string;

  @Column('text')
  nameEn: string;

  @Column('integer')
  sortOrder: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
