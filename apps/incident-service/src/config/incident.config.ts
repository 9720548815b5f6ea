import { DURATION_PATTERN, parseDuration } from '@helpdesk/auth';
import { BOOLEAN_VARIABLE, ServiceConfig, toBoolean } from '@helpdesk/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';

const DURATION = { message: 'must be a duration such as 30s, 15m, 2h or 7d' };

/** The incident service's environment: lifecycle windows, SLA scanning, attachments. */
export class IncidentConfig extends ServiceConfig {
  override PORT: number = 3001;
  override DATABASE_NAME?: string = 'helpdesk_incident';

  /** How long after resolution the caller (or an agent on their word) may reopen (itil.md: 7 days). */
  @Matches(DURATION_PATTERN, DURATION)
  REOPEN_WINDOW: string = '7d';

  /** Resolved incidents close by themselves after this (itil.md: 3 calendar days). */
  @Matches(DURATION_PATTERN, DURATION)
  AUTO_CLOSE_AFTER: string = '3d';

  /** How often each replica looks for due SLA warnings/breaches and auto-closures. */
  @Matches(DURATION_PATTERN, DURATION)
  SLA_SCAN_INTERVAL: string = '5s';

  /** Largest attachment accepted, in bytes. */
  @IsInt()
  @Min(1)
  @Max(104_857_600)
  ATTACHMENT_MAX_BYTES: number = 10_485_760;

  /** Seed reference data (categories, routing rules, SLA policies, calendars, catalog) when empty. */
  @Transform(toBoolean)
  @IsBoolean(BOOLEAN_VARIABLE)
  SEED_REFERENCE_DATA: boolean = true;

  /** Name of the tier 1 group that takes what no routing rule matches. */
  @IsString()
  SERVICE_DESK_GROUP_NAME: string = 'Service Desk';

  get reopenWindowMs(): number {
    return parseDuration(this.REOPEN_WINDOW);
  }

  get autoCloseAfterMs(): number {
    return parseDuration(this.AUTO_CLOSE_AFTER);
  }

  get slaScanIntervalMs(): number {
    return parseDuration(this.SLA_SCAN_INTERVAL);
  }
}
