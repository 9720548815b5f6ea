import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { GatewayConfig } from '../config/gateway.config';
import { LoginFailuresRepository } from './login-failures.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** Refresh tokens are kept this long past expiry (for the audit of reuse), then deleted. */
const EXPIRED_TOKEN_RETENTION_MS = 30 * 24 * 3600 * 1000;

/**
 * Deletes failed-login rows that can no longer count (older than twice the window) and long-expired
 * refresh tokens. Safe with several replicas: each run is an idempotent DELETE.
 */
@Injectable()
export class AuthHousekeepingService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuthHousekeepingService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly failures: LoginFailuresRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly config: GatewayConfig,
  ) {}

  onModuleInit() {
    const every = Math.min(Math.max(this.config.loginFailureWindowMs, 60_000), 3_600_000);
    this.timer = setInterval(() => void this.run(), every);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  async run(): Promise<{ failures: number; refreshTokens: number }> {
    try {
      const failures = await this.failures.pruneOlderThan(Math.ceil((2 * this.config.loginFailureWindowMs) / 1000));
      const refreshTokens = await this.refreshTokens.deleteExpiredBefore(new Date(Date.now() - EXPIRED_TOKEN_RETENTION_MS));
      if (failures + refreshTokens > 0)
        this.logger.log(`Pruned ${failures} old login failure(s) and ${refreshTokens} expired refresh token(s)`);
      return { failures, refreshTokens };
    } catch (e) {
      this.logger.warn(`Housekeeping failed: ${(e as Error).message}`);
      return { failures: 0, refreshTokens: 0 };
    }
  }
}
