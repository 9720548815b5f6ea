import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed sign-in (or one in progress: each attempt is recorded before its password is checked and
 * deleted again if it succeeds), counted per account and address, per account and per address over a
 * sliding window.
 */
@Entity({ name: 'login_failures' })
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** The e-mail as typed, lower-cased (also for unknown accounts, so probing them is throttled too). */
  @Column('text')
  accountKey: string;

  @Column('text')
  clientAddress: string;

  @Column('timestamptz')
  failedAt: Date;
}
