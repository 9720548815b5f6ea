import { DURATION_PATTERN, parseDuration } from '@helpdesk/auth';
import { ServiceConfig } from '@helpdesk/config';
import { IsInt, IsNumber, Matches, Max, Min } from 'class-validator';

const DURATION = { message: 'must be a duration such as 30s, 15m, 2h or 7d' };

/** The problem service's environment: candidate detection rules (itil.md: 5 incidents within 24 h). */
export class ProblemConfig extends ServiceConfig {
  override PORT: number = 3002;
  override DATABASE_NAME?: string = 'helpdesk_problem';

  /** N: how many related incidents raise a candidate problem. */
  @IsInt({ message: 'must be a whole number' })
  @Min(2, { message: 'must be at least 2' })
  @Max(1000)
  CANDIDATE_MIN_INCIDENTS: number = 5;

  /** The sliding window the N incidents must fall in (by when they were opened). */
  @Matches(DURATION_PATTERN, DURATION)
  CANDIDATE_WINDOW: string = '24h';

  /** Cosine similarity of analysed text above which two incidents of one category count as alike. */
  @IsNumber({}, { message: 'must be a number between 0 and 1' })
  @Min(0, { message: 'must be a number between 0 and 1' })
  @Max(1, { message: 'must be a number between 0 and 1' })
  CANDIDATE_MIN_SIMILARITY: number = 0.35;

  get candidateWindowMs(): number {
    return parseDuration(this.CANDIDATE_WINDOW);
  }
}
