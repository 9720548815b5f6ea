import { ApiProperty } from '@nestjs/swagger';
import { WeeklyDigestFigures } from '@helpdesk/contracts';

const COUNT = { type: Number, minimum: 0 };
const RATE = { type: Number, nullable: true, minimum: 0, maximum: 1 };
const HOURS = { type: Number, nullable: true, minimum: 0 };

/** reporting.weekly-digest-published's figures (rates unrounded fractions; null where their count is 0). */
export class WeeklyDigestFiguresDto implements WeeklyDigestFigures {
  @ApiProperty({ ...COUNT, description: 'Incidents opened in the week' })
  opened: number;

  @ApiProperty({ ...COUNT, description: 'Incidents resolved in the week (their last resolution)' })
  resolved: number;

  @ApiProperty({ ...COUNT, description: 'Incidents still open at the end of the week' })
  backlogOpen: number;

  @ApiProperty({ ...HOURS, description: 'Mean time to resolve, calendar hours' })
  mttrMeanHours: number | null;

  @ApiProperty({ ...HOURS, description: 'Median time to resolve, calendar hours' })
  mttrMedianHours: number | null;

  @ApiProperty({ ...COUNT, description: 'Resolutions the MTTR figures are computed on' })
  mttrCount: number;

  @ApiProperty({ ...RATE, description: 'First-level resolution rate' })
  flrRate: number | null;

  @ApiProperty({ ...COUNT, description: 'Resolutions the FLR rate is computed on' })
  flrCount: number;

  @ApiProperty({ ...RATE, description: 'Resolved within the SLA resolution target' })
  slaResolutionRate: number | null;

  @ApiProperty({ ...COUNT, description: 'Resolutions with an SLA verdict' })
  slaResolutionCount: number;

  @ApiProperty({ ...RATE, description: "Share of the week's resolutions that had been reopened" })
  reopenRate: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5, description: 'Mean satisfaction rating (1–5)' })
  csatMeanRating: number | null;

  @ApiProperty({ ...COUNT, description: 'Satisfaction surveys answered' })
  csatResponses: number;
}

/** One group's weekly digest, as published in reporting.weekly-digest-published. */
export class WeeklyDigestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    description: 'The Monday the week starts on (to the next Monday, excluded), in timeZone',
    example: '2026-03-02',
  })
  weekStart: string;

  @ApiProperty({ example: 'Asia/Tokyo' })
  timeZone: string;

  @ApiProperty({ type: String, nullable: true, description: 'The assignment group; null: the incidents without one' })
  groupId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'サービスデスク' })
  groupName: string | null;

  @ApiProperty({ type: WeeklyDigestFiguresDto })
  figures: WeeklyDigestFiguresDto;

  @ApiProperty({
    description: 'Where to download it as CSV',
    example: '/api/v1/reports/digests/0190b7c2-0000-7000-8000-000000000001?format=csv',
  })
  csvPath: string;

  @ApiProperty({ description: 'When it was produced (and its event written)' })
  createdAt: string;
}

/** POST /reports/digests: the week's digests, made now (201) or earlier (200). */
export class WeeklyDigestsOfWeekDto {
  @ApiProperty({ example: '2026-03-02' })
  weekStart: string;

  @ApiProperty({ example: 'Asia/Tokyo' })
  timeZone: string;

  @ApiProperty({ description: 'True when this request produced them; false when they existed already' })
  created: boolean;

  @ApiProperty({ type: [WeeklyDigestDto], description: 'One per group with incidents that week (none for a week without)' })
  items: WeeklyDigestDto[];
}
