import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The incident service's copy of a person: from identity.* events, or made by an import. */
@Entity({ name: 'directory_user' })
export class DirectoryUserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text')
  displayName: string;

  @Column('text', { nullable: true })
  displayNameJa: string | null;

  @Column('text', { nullable: true })
  displayNameEn: string | null;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('uuid', { nullable: true })
  managerId: string | null;

  @Column('text', { default: 'ja' })
  locale: string;

  @Column('text', { default: 'Asia/Tokyo' })
  timeZone: string;

  @Column('text', { array: true, default: () => "'{}'" })
  roles: string[];

  @Column('boolean', { default: true })
  active: boolean;

  /** `identity`, or the system an import found the person in (`servicenow`). */
  @Column('text', { default: 'identity' })
  source: string;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;
}
