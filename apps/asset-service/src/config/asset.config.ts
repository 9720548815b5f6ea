import { DURATION_PATTERN, parseDuration } from '@helpdesk/auth';
import { ServiceConfig } from '@helpdesk/config';
import { IsInt, Matches, Max, Min } from 'class-validator';

const DURATION = { message: 'must be a duration such as 30s, 15m, 2h or 7d' };

/** The asset service's environment: the "problematic CI" rule and CSV import limits. */
export class AssetConfig extends ServiceConfig {
  override PORT: number = 3004;
  override DATABASE_NAME?: string = 'helpdesk_asset';

  /** A CI with this many incidents within PROBLEMATIC_CI_WINDOW is flagged as problematic. */
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000)
  PROBLEMATIC_CI_INCIDENTS: number = 3;

  @Matches(DURATION_PATTERN, DURATION)
  PROBLEMATIC_CI_WINDOW: string = '30d';

  /** Largest CSV accepted by POST /assets/import, in bytes. */
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1)
  @Max(104_857_600)
  IMPORT_MAX_BYTES: number = 20_971_520;

  get problematicWindowMs(): number {
    return parseDuration(this.PROBLEMATIC_CI_WINDOW);
  }
}
