import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UUID_PATTERN } from '@helpdesk/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches } from 'class-validator';

const PROBLEM_REF = new RegExp(`^(${UUID_PATTERN.source.slice(1, -1)}|PRB\\d{7,})$`, 'i');

/** The problem an agent links the incident to. */
export class LinkProblemDto {
  @ApiProperty({ description: 'The problem: its UUID or its number', example: 'PRB0000007' })
  @IsString({ message: 'problem must be a problem id (UUID) or number (PRB0000007)' })
  @Matches(PROBLEM_REF, { message: 'problem must be a problem id (UUID) or number (PRB0000007)' })
  problem: string;

  @ApiPropertyOptional({ description: 'The version you read (or send If-Match); a stale one is a 409' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  version?: number;
}
