import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsShortStringList, IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { IsIn, IsOptional } from 'class-validator';
import { IsOptionalUuid, IsPriority, IsProblemTitle, IsRequiredText } from '../../problems/dto/problem-fields';
import { LinkedIncidentDto } from '../../links/dto/link-incident.dto';

const CANDIDATE_STATES = ['open', 'accepted', 'dismissed'] as const;

export class ListCandidatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CANDIDATE_STATES, description: 'Default: every state' })
  @IsOptional()
  @IsIn(CANDIDATE_STATES, { message: `state must be one of ${CANDIDATE_STATES.join(', ')}` })
  state?: (typeof CANDIDATE_STATES)[number];
}

export class CandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['ci', 'category'], description: 'ci: the incidents share a CI; category: same category, similar text' })
  kind: 'ci' | 'category';
  @ApiPropertyOptional({ nullable: true }) ciId: string | null;
  @ApiPropertyOptional({ nullable: true }) category: string | null;
  @ApiProperty({ enum: CANDIDATE_STATES }) state: string;
  @ApiProperty() firstOpenedAt: string;
  @ApiProperty() lastOpenedAt: string;
  @ApiProperty({ type: [LinkedIncidentDto] }) incidents: LinkedIncidentDto[];
  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'The problem it became, once accepted' })
  problemId: string | null;
  @ApiPropertyOptional({ nullable: true }) decidedById: string | null;
  @ApiPropertyOptional({ nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) dismissReason: string | null;
  @ApiProperty() createdAt: string;
}

export class AcceptCandidateDto {
  @ApiPropertyOptional({ description: 'Default: the first incident\u2019s short description' })
  @IsOptional()
  @IsProblemTitle()
  title?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Default: the highest priority among the incidents' })
  @IsOptional()
  @IsPriority()
  priority?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Default: you' })
  @IsOptionalUuid('ownerId')
  ownerId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Affected CIs (default: the shared CI)' })
  @IsOptional()
  @IsShortStringList('ciIds', 50, 100)
  ciIds?: string[];
}

export class DismissCandidateDto {
  @ApiProperty({ description: 'Why these incidents are not one problem', example: '偶然の重なり: 原因はそれぞれ別' })
  @IsRequiredText('reason', 1000)
  @IsSingleLine({ message: 'reason must be on one line' })
  reason: string;
}
