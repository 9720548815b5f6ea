import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GatewayConfig } from '../config/gateway.config';
import { LoginFailuresRepository, THROTTLE_SCOPES, ThrottleScope } from './login-failures.repository';

/** The outcome of reserving a sign-in attempt. */
export type AttemptReservation =
  | {
      blocked: true;
      /** Seconds until the caller may try again. */
      retryAfterSeconds: number;
      /** Which limits are reached. */
      scopes: ThrottleScope[];
    }
  | {
      blocked: false;
      /** The login_failures row that counts this attempt until it succeeds. */
      attemptId: string;
      /** The limits this attempt reaches if it fails (for the lockout audit row). */
      reachedIfFailed: ThrottleScope[];
    };

/** Normalises a client address so one machine has one key (IPv4-mapped IPv6 → IPv4). */
export function normaliseClientAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** The account key of a typed e-mail: trimmed and lower-cased, whether or not such a user exists. */
export function accountKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Failed sign-ins counted in PostgreSQL over a sliding window, against three limits: per account and
 * address (LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS), per account from all addresses
 * (LOGIN_MAX_FAILURES_PER_ACCOUNT) and per address across accounts (LOGIN_MAX_FAILURES_PER_IP). Once a
 * limit is reached every attempt in its scope gets 429 + Retry-After, the right password too (else the
 * answer would tell a guesser which password is right), until enough failures leave the window. So one
 * address guessing at an account locks only itself out of it; the account's owner elsewhere still signs in.
 *
 * Each attempt is counted before its password is checked: reserve() takes advisory locks on the account and
 * the address, counts, and inserts the attempt's row in one short transaction, so parallel guesses cannot
 * all pass the check first. A success deletes the row again (successful sign-ins are never counted).
 */
@Injectable()
export class LoginThrottleService {
  private readonly windowSeconds: number;
  private readonly limits: Record<ThrottleScope, number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly failures: LoginFailuresRepository,
    config: GatewayConfig,
  ) {
    this.windowSeconds = Math.max(1, Math.ceil(config.loginFailureWindowMs / 1000));
    this.limits = {
      account_address: config.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS,
      account: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      address: config.LOGIN_MAX_FAILURES_PER_IP,
    };
  }

  /** Counts this attempt as a failure now, or refuses it when a limit is already reached. */
  reserve(accountKey: string, clientAddress: string): Promise<AttemptReservation> {
    return this.dataSource.transaction(async (manager) => {
      await this.failures.lockKeys(accountKey, clientAddress, manager);
      const counts = await this.failures.countInWindow(accountKey, clientAddress, this.windowSeconds, manager);
      const blocked = THROTTLE_SCOPES.filter((scope) => counts[scope] >= this.limits[scope]);
      if (blocked.length > 0) {
        const waits = await Promise.all(
          blocked.map((scope) =>
            this.failures.retryAfterSeconds(scope, accountKey, clientAddress, this.limits[scope], this.windowSeconds, manager),
          ),
        );
        return { blocked: true, retryAfterSeconds: Math.max(1, ...waits.map((w) => w ?? 1)), scopes: blocked };
      }
      const attemptId = await this.failures.insert(accountKey, clientAddress, manager);
      return {
        blocked: false,
        attemptId,
        reachedIfFailed: THROTTLE_SCOPES.filter((scope) => counts[scope] + 1 === this.limits[scope]),
      };
    });
  }

  /** The attempt succeeded: it no longer counts, and neither do this account's earlier failures from this address. */
  async succeeded(accountKey: string, clientAddress: string, attemptId: string, manager: EntityManager): Promise<void> {
    await this.failures.deleteAttempt(attemptId, manager);
    await this.failures.clearAccountAddress(accountKey, clientAddress, manager);
  }
}
