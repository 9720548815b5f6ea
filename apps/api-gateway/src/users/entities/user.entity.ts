import { Role } from '@helpdesk/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type Locale = 'ja' | 'en';

/** A person who signs in: employee or IT staff. Email is unique regardless of case (index on lower(email)). */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  /** The name shown by default (in the user's own locale). */
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

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text')
  locale: Locale;

  @Column('text')
  timeZone: string;

  @Column('text', { array: true })
  roles: Role[];

  @Column('boolean')
  active: boolean;

  /** argon2id; null when the user has no local password (cannot sign in with one). */
  @Column('text', { nullable: true, select: true })
  passwordHash: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Optimistic lock: bumped by every change; PATCH with a stale one gets 409. */
  @Column('integer')
  version: number;
}
