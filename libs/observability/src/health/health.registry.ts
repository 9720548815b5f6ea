import { Injectable } from '@nestjs/common';
import { withTimeout } from '../timing/with-timeout';

export interface HealthCheckResult {
  status: 'up' | 'down';
  detail?: string;
}
export type HealthCheck = () => Promise<HealthCheckResult>;

/** Readiness checks that modules register at start-up (database, Kafka, ...). */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();
  private shuttingDown = false;

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  /** Readiness turns red while draining, so load balancers stop sending work first. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async readiness(timeoutMs = 3000): Promise<{ status: 'up' | 'down'; checks: Record<string, HealthCheckResult> }> {
    const entries = await Promise.all(
      [...this.checks.entries()].map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const),
    );
    const checks = Object.fromEntries(entries);
    if (this.shuttingDown) checks.shutdown = { status: 'down', detail: 'shutting down' };
    const status = Object.values(checks).every((c) => c.status === 'up') ? 'up' : 'down';
    return { status, checks };
  }
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<HealthCheckResult> {
  try {
    return await withTimeout(check(), timeoutMs, `no answer within ${timeoutMs} ms`);
  } catch (e) {
    return { status: 'down', detail: (e as Error).message };
  }
}
