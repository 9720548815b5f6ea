import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An assignment group: tier 1 is the service desk, tier 2 the specialist teams. */
@Entity({ name: 'groups' })
export class GroupEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  nameJa: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('smallint')
  tier: number;

  @Column('uuid', { nullable: true })
  supervisorId: string | null;

  @Column('boolean')
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('integer')
  version: number;
}
