import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'group_members' })
export class GroupMemberEntity {
  @PrimaryColumn('uuid')
  groupId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @Column('timestamptz')
  addedAt: Date;
}
