import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * What a limit counts: failures of one account from one address, of one account from anywhere, or from
 * one address across accounts.
 */
export type ThrottleScope = 'account_address' | 'account' | 'address';
export const THROTTLE_SCOPES: readonly ThrottleScope[] = ['account_address', 'account', 'address'];

/** The rows a scope counts, as SQL over its keys ($1, $2, ...) and their values. */
function scopeFilter(scope: ThrottleScope, accountKey: string, clientAddress: string): { sql: string; params: string[] } {
  switch (scope) {
    case 'account_address':
      return { sql: 'account_key = $1 AND client_address = $2', params: [accountKey, clientAddress] };
    case 'account':
      return { sql: 'account_key = $1', params: [accountKey] };
    case 'address':
      return { sql: 'client_address = $1', params: [clientAddress] };
  }
}

/** Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)) for the two kinds of key. */
const ACCOUNT_LOCK = 0x4c47_0001;
const ADDRESS_LOCK = 0x4c47_0002;

/**
 * The only code that touches login_failures. Times come from the database clock, so several gateway
 * replicas agree on the window.
 */
@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises sign-in attempts per account and per address until the transaction ends, so counting and
   * reserving an attempt cannot interleave with another attempt on the same keys (on any replica). Always
   * account first, then address: two attempts never wait for each other in opposite order.
   */
  async lockKeys(accountKey: string, clientAddress: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [ACCOUNT_LOCK, accountKey]);
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [ADDRESS_LOCK, clientAddress]);
  }

  /** Failures inside the window for each scope of this account and address. */
  async countInWindow(
    accountKey: string,
    clientAddress: string,
    windowSeconds: number,
    manager: EntityManager,
  ): Promise<Record<ThrottleScope, number>> {
    const rows: Array<Record<ThrottleScope, string>> = await manager.query(
      `SELECT count(*) FILTER (WHERE account_key = $1 AND client_address = $2) AS account_address,
              count(*) FILTER (WHERE account_key = $1) AS account,
              count(*) FILTER (WHERE client_address = $2) AS address
         FROM login_failures
        WHERE (account_key = $1 OR client_address = $2) AND failed_at > clock_timestamp() - make_interval(secs => $3)`,
      [accountKey, clientAddress, windowSeconds],
    );
    return {
      account_address: Number(rows[0].account_address),
      account: Number(rows[0].account),
      address: Number(rows[0].address),
    };
  }

  /**
   * With `max` or more failures in the window for the scope: seconds until the max-th newest leaves it
   * (then the scope is below its limit again). Null when under the limit.
   */
  async retryAfterSeconds(
    scope: ThrottleScope,
    accountKey: string,
    clientAddress: string,
    max: number,
    windowSeconds: number,
    manager: EntityManager,
  ): Promise<number | null> {
    const filter = scopeFilter(scope, accountKey, clientAddress);
    const offset = `$${filter.params.length + 1}`;
    const window = `$${filter.params.length + 2}`;
    const rows: Array<{ retry_after: number }> = await manager.query(
      `SELECT greatest(1, ceil(extract(epoch FROM (failed_at + make_interval(secs => ${window}) - clock_timestamp()))))::int AS retry_after
         FROM login_failures
        WHERE ${filter.sql} AND failed_at > clock_timestamp() - make_interval(secs => ${window})
        ORDER BY failed_at DESC
        OFFSET ${offset} LIMIT 1`,
      [...filter.params, max - 1, windowSeconds],
    );
    return rows.length > 0 ? Number(rows[0].retry_after) : null;
  }

  /** Records an attempt as failed (until deleteAttempt takes it back); returns its id. */
  async insert(accountKey: string, clientAddress: string, manager: EntityManager): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO login_failures (account_key, client_address, failed_at) VALUES ($1, $2, clock_timestamp()) RETURNING id`,
      [accountKey, clientAddress],
    );
    return String(rows[0].id);
  }

  async deleteAttempt(id: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM login_failures WHERE id = $1`, [id]);
  }

  /**
   * A successful sign-in clears the failures of its account from its address (the user's own typos), never
   * those from other addresses: the right password must not reset an attacker's count elsewhere.
   */
  async clearAccountAddress(accountKey: string, clientAddress: string, manager: EntityManager): Promise<void> {
    const filter = scopeFilter('account_address', accountKey, clientAddress);
    await manager.query(`DELETE FROM login_failures WHERE ${filter.sql}`, filter.params);
  }

  async pruneOlderThan(seconds: number): Promise<number> {
    const result = await this.dataSource.query(
      `DELETE FROM login_failures WHERE failed_at < clock_timestamp() - make_interval(secs => $1)`,
      [seconds],
    );
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }
}
