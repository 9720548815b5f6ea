import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LoginFailureEntity } from './entities/login-failure.entity';

export type ThrottleScope = 'account' | 'address';
const COLUMN: Record<ThrottleScope, string> = { account: 'account_key', address: 'client_address' };

/**
 * The only code that touches login_failures. Times come from the database clock, so several gateway
 * replicas agree on the window.
 */
@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(accountKey: string, clientAddress: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO login_failures (account_key, client_address, failed_at) VALUES ($1, $2, clock_timestamp())`,
      [accountKey, clientAddress],
    );
  }

  /**
   * When `max` or more failures for the key lie inside the window: seconds until the max-th newest leaves
   * it (then the key is below the limit again). Null when the key is under the limit.
   */
  async retryAfterSeconds(
    scope: ThrottleScope,
    key: string,
    max: number,
    windowSeconds: number,
    manager?: EntityManager,
  ): Promise<number | null> {
    const rows: Array<{ retry_after: number }> = await (manager ?? this.dataSource.manager).query(
      `SELECT greatest(1, ceil(extract(epoch FROM (failed_at + make_interval(secs => $3) - clock_timestamp()))))::int AS retry_after
         FROM login_failures
        WHERE ${COLUMN[scope]} = $1 AND failed_at > clock_timestamp() - make_interval(secs => $3)
        ORDER BY failed_at DESC
        OFFSET $2 LIMIT 1`,
      [key, max - 1, windowSeconds],
    );
    return rows.length > 0 ? Number(rows[0].retry_after) : null;
  }

  async countInWindow(scope: ThrottleScope, key: string, windowSeconds: number, manager: EntityManager): Promise<number> {
    const rows: Array<{ n: string }> = await manager.query(
      `SELECT count(*) AS n FROM login_failures WHERE ${COLUMN[scope]} = $1 AND failed_at > clock_timestamp() - make_interval(secs => $2)`,
      [key, windowSeconds],
    );
    return Number(rows[0].n);
  }

  /** A successful sign-in clears its account's failures (never the address's: one good password must not reset an attacker's count). */
  async clearAccount(accountKey: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(LoginFailureEntity).delete({ accountKey });
  }

  async pruneOlderThan(seconds: number): Promise<number> {
    const result = await this.dataSource.query(
      `DELETE FROM login_failures WHERE failed_at < clock_timestamp() - make_interval(secs => $1)`,
      [seconds],
    );
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }
}
