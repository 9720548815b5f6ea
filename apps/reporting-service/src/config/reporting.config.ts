import { DURATION_PATTERN, parseDuration } from '@helpdesk/auth';
import { ServiceConfig } from '@helpdesk/config';
import { IsIn, IsString, Matches } from 'class-validator';

const DURATION = { message: 'must be a duration such as 30s, 15m, 2h or 7d' };

/** The reporting service's environment: metric windows (itil.md) and the digest schedule. */
export class ReportingConfig extends ServiceConfig {
  override PORT: number = 3005;
  override DATABASE_NAME?: string = 'helpdesk_reporting';

  /** itil.md FCR: the contact window from opening within which a first-contact resolution must happen. */
  @Matches(DURATION_PATTERN, DURATION)
  FCR_CONTACT_WINDOW: string = '30m';

  /** itil.md self-service: a suggested article viewed with no incident opened by the employee within this. */
  @Matches(DURATION_PATTERN, DURATION)
  DEFLECTION_WINDOW: string = '24h';

  /** Day, week and month buckets and the digest's week are cut in this zone (an IANA name). */
  @IsString()
  @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, { message: 'must be an IANA time zone such as Asia/Tokyo' })
  REPORT_TIME_ZONE: string = 'Asia/Tokyo';

  /** Whether this replica runs the weekly digest schedule (every replica may; one wins each week). */
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  DIGEST_SCHEDULE_ENABLED: string = 'true';

  /** How long after Monday 00:00 the previous week is digested (its last events may still be on their way). */
  @Matches(DURATION_PATTERN, DURATION)
  DIGEST_DELAY: string = '15m';

  /** How often each replica looks for the latest finished week's missing digests. */
  @Matches(DURATION_PATTERN, DURATION)
  DIGEST_CHECK_INTERVAL: string = '5m';

  get fcrContactWindowMs(): number {
    return parseDuration(this.FCR_CONTACT_WINDOW);
  }

  get deflectionWindowMs(): number {
    return parseDuration(this.DEFLECTION_WINDOW);
  }

  get digestScheduleEnabled(): boolean {
    return this.DIGEST_SCHEDULE_ENABLED === 'true';
  }

  get digestDelayMs(): number {
    return parseDuration(this.DIGEST_DELAY);
  }

  get digestCheckIntervalMs(): number {
    return parseDuration(this.DIGEST_CHECK_INTERVAL);
  }
}
