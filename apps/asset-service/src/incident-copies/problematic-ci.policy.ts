import { Injectable } from '@nestjs/common';
import { AssetConfig } from '../config/asset.config';

/**
 * The "problematic CI" rule: at least PROBLEMATIC_CI_INCIDENTS incidents opened within PROBLEMATIC_CI_WINDOW
 * before now (the window's first instant included). Cancelled incidents do not count: they were logged in
 * error or as duplicates, not failures of the CI.
 */
@Injectable()
export class ProblematicCiPolicy {
  readonly threshold: number;
  readonly window: string;
  readonly windowMs: number;

  constructor(config: AssetConfig) {
    this.threshold = config.PROBLEMATIC_CI_INCIDENTS;
    this.window = config.PROBLEMATIC_CI_WINDOW;
    this.windowMs = config.problematicWindowMs;
  }

  /** The earliest opening time that still counts. */
  windowStart(now: Date): Date {
    return new Date(now.getTime() - this.windowMs);
  }

  isProblematic(incidentsInWindow: number): boolean {
    return incidentsInWindow >= this.threshold;
  }
}

/** SQL condition for an incident (alias `i`) that counts towards the rule; `since` is a bind parameter. */
export function countedIncidentSql(since: string): string {
  return `i.state <> 'cancelled' AND i.opened_at >= ${since}`;
}
