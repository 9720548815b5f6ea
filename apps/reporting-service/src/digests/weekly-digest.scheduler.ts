import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ReportingConfig } from '../config/reporting.config';
import { latestCompletedWeek } from './digest-week';
import { WeeklyDigestsService } from './weekly-digests.service';

/**
 * Every replica with DIGEST_SCHEDULE_ENABLED checks every DIGEST_CHECK_INTERVAL that the latest finished
 * week (Monday to Monday in REPORT_TIME_ZONE, DIGEST_DELAY after its end) has its digests, and makes them
 * if not; WeeklyDigestsService makes each week once whichever replica asks first. Older weeks are not
 * backfilled (POST /reports/digests does one on demand).
 */
@Injectable()
export class WeeklyDigestScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WeeklyDigestScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly digests: WeeklyDigestsService,
    private readonly config: ReportingConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.digestScheduleEnabled) this.schedule(0);
  }

  /** Before the database and the outbox close: a check in flight finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One check (tests call it directly); the week it made digests for, or null when they existed already. */
  async tick(now: Date = new Date()): Promise<{ weekStart: string; created: number } | null> {
    const week = latestCompletedWeek(new Date(now.getTime() - this.config.digestDelayMs), this.config.REPORT_TIME_ZONE);
    const result = await this.digests.produce(week.weekStart, now);
    return result.created ? { weekStart: week.weekStart, created: result.items.length } : null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((e: Error) => this.logger.warn(`Weekly digest check failed: ${e.message}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.config.digestCheckIntervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
