import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CHANNELS } from '../domain/incident-state';
import { UUID_PATTERN as UUID } from '@helpdesk/contracts';

const STATE_LIST =
  /^(new|assigned|in_progress|on_hold|resolved|closed|cancelled)(,(new|assigned|in_progress|on_hold|resolved|closed|cancelled))*$/;
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListIncidentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated states, e.g. new,assigned', example: 'new,assigned' })
  @IsOptional()
  @Matches(STATE_LIST, { message: 'state must be a comma-separated list of incident states' })
  state?: string;

  @ApiPropertyOptional({ description: 'Comma-separated priorities 1–5', example: '1,2' })
  @IsOptional()
  @Matches(/^[1-5](,[1-5])*$/, { message: 'priority must be a comma-separated list of 1–5' })
  priority?: string;

  @ApiPropertyOptional({ description: 'Assignment group id' })
  @IsOptional()
  @Matches(UUID, { message: 'group must be a group id (UUID)' })
  group?: string;

  @ApiPropertyOptional({ description: 'A user id, `me`, or `none` (unassigned)' })
  @IsOptional()
  @Matches(new RegExp(`^(me|none|${UUID.source.slice(1, -1)})$`, 'i'), {
    message: 'assignee must be a user id, me or none',
  })
  assignee?: string;

  @ApiPropertyOptional({ description: 'Caller id (staff only; employees always see their own)' })
  @IsOptional()
  @Matches(UUID, { message: 'caller must be a user id (UUID)' })
  caller?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  category?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: string;

  @ApiPropertyOptional({ description: 'Text in the number, short description or description' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsSingleLine()
  q?: string;

  @ApiPropertyOptional({ description: 'Only incidents with (true) or without (false) a breached SLA' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'breached must be true or false' })
  breached?: boolean;

  @ApiPropertyOptional({ description: 'Open incidents whose resolution is due before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'slaDueBefore must be an ISO 8601 date-time' })
  slaDueBefore?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(UUID, { message: 'problem must be a problem id (UUID)' })
  problem?: string;

  @ApiPropertyOptional({
    description:
      'true: open incidents whose linked problem was resolved and whose resolution awaits confirmation ' +
      '(POST /incidents/problem-resolutions/confirm); false: all others',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'problemResolutionProposed must be true or false' })
  problemResolutionProposed?: boolean;

  @ApiPropertyOptional({
    enum: ['mine', 'all'],
    description: 'Staff: `mine` (default: your groups and your incidents; supervisors also breaches) or `all`',
  })
  @IsOptional()
  @IsIn(['mine', 'all'], { message: 'scope must be mine or all' })
  scope?: 'mine' | 'all';

  @ApiPropertyOptional({ enum: ['opened', 'slaDue'], description: 'opened (newest first, default) or slaDue (soonest first)' })
  @IsOptional()
  @IsIn(['opened', 'slaDue'], { message: 'sort must be opened or slaDue' })
  sort?: 'opened' | 'slaDue';
}
