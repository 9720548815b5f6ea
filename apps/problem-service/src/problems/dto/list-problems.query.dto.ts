import { ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_STATES, ProblemState } from '@helpdesk/contracts';
import { IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ListProblemsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROBLEM_STATES })
  @IsOptional()
  @IsIn(PROBLEM_STATES, { message: `state must be one of ${PROBLEM_STATES.join(', ')}` })
  state?: ProblemState;

  @ApiPropertyOptional({ description: 'Owner: a user UUID or `me`' })
  @IsOptional()
  @Matches(/^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
    message: 'owner must be a user UUID or me',
  })
  owner?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  category?: string;

  @ApiPropertyOptional({ description: 'Problems affecting this configuration item' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  ci?: string;

  @ApiPropertyOptional({ description: 'Words of the title, or the number' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsSingleLine()
  q?: string;
}
