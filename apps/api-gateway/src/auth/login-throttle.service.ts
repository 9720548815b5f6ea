import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GatewayConfig } from '../config/gateway.config';
import { LoginFailuresRepository, ThrottleScope } from './login-failures.repository';

export interface ThrottleVerdict {
  blocked: boolean;
  /** Set when blocked: seconds until the caller may try again. */
  retryAfterSeconds?: number;
  /** Which limits are reached. */
  scopes: ThrottleScope[];
}

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
 * Failed sign-ins counted in PostgreSQL per account and per client address over a sliding window.
 * Reaching either limit blocks further attempts for that account or address (429 + Retry-After) until
 * enough failures leave the window. Successful sign-ins are never counted.
 */
@Injectable()
export class LoginThrottleService {
  private readonly windowSeconds: number;

  constructor(
    private readonly failures: LoginFailuresRepository,
    private readonly config: GatewayConfig,
  ) {
    this.windowSeconds = Math.max(1, Math.ceil(config.loginFailureWindowMs / 1000));
  }

  async check(accountKey: string, clientAddress: string): Promise<ThrottleVerdict> {
    const [account, address] = await Promise.all([
      this.failures.retryAfterSeconds('account', accountKey, this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT, this.windowSeconds),
      this.failures.retryAfterSeconds('address', clientAddress, this.config.LOGIN_MAX_FAILURES_PER_IP, this.windowSeconds),
    ]);
    const scopes: ThrottleScope[] = [];
    if (account !== null) scopes.push('account');
    if (address !== null) scopes.push('address');
    if (scopes.length === 0) return { blocked: false, scopes };
    return { blocked: true, retryAfterSeconds: Math.max(account ?? 0, address ?? 0), scopes };
  }

  /** Records a failure; returns the limits this very failure reached (for the lockout audit row). */
  async recordFailure(accountKey: string, clientAddress: string, manager: EntityManager): Promise<ThrottleScope[]> {
    await this.failures.insert(accountKey, clientAddress, manager);
    const [account, address] = await Promise.all([
      this.failures.countInWindow('account', accountKey, this.windowSeconds, manager),
      this.failures.countInWindow('address', clientAddress, this.windowSeconds, manager),
    ]);
    const reached: ThrottleScope[] = [];
    if (account === this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT) reached.push('account');
    if (address === this.config.LOGIN_MAX_FAILURES_PER_IP) reached.push('address');
    return reached;
  }

  clearAccount(accountKey: string, manager: EntityManager): Promise<void> {
    return this.failures.clearAccount(accountKey, manager);
  }
}
