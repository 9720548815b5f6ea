import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const KEDB_STATES = ['known_error', 'resolved', 'closed'] as const;

export class SearchKnownErrorsQueryDto {
  @ApiPropertyOptional({ description: 'Words in Japanese or English (symptoms, error text, the product)', example: 'VPN 切断' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'q must be at most 500 characters' })
  @IsSingleLine()
  q?: string;

  @ApiPropertyOptional({
    enum: KEDB_STATES,
    description: 'Default known_error (workarounds still in force); resolved and closed ones are history',
  })
  @IsOptional()
  @IsIn(KEDB_STATES, { message: `state must be one of ${KEDB_STATES.join(', ')}` })
  state?: (typeof KEDB_STATES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(50)
  limit?: number;
}

export class KnownErrorDto {
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ example: 'PRB0000007' }) number: string;
  @ApiProperty() title: string;
  @ApiProperty() state: string;
  @ApiProperty() priority: number;
  @ApiPropertyOptional({ nullable: true }) category: string | null;
  @ApiProperty({ type: [String] }) ciIds: string[];
  @ApiProperty() rootCause: string;
  @ApiProperty() workaround: string;
  @ApiProperty() knownErrorAt: string;
  @ApiProperty() linkedIncidentCount: number;
  @ApiProperty({ description: 'Query terms found in it (0 without q)' }) matchedTerms: number;
}

export class KnownErrorSearchResultDto {
  @ApiProperty({ type: [KnownErrorDto] }) items: KnownErrorDto[];
  @ApiProperty({ type: [String], description: 'The query as analysed (what was looked for)' }) terms: string[];
}
