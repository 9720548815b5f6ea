import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMultiLineText, IsNotBlank, IsOptionalButNotNull, IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** PATCH /incidents/{id}: impact, urgency (priority is re-derived), category, CI, texts. */
export class UpdateIncidentDto {
  @ApiPropertyOptional({ enum: [1, 2, 3] })
  @IsOptionalButNotNull()
  @Type(() => Number)
  @IsInt({ message: 'impact must be 1, 2 or 3' })
  @Min(1, { message: 'impact must be 1, 2 or 3' })
  @Max(3, { message: 'impact must be 1, 2 or 3' })
  impact?: 1 | 2 | 3;

  @ApiPropertyOptional({ enum: [1, 2, 3] })
  @IsOptionalButNotNull()
  @Type(() => Number)
  @IsInt({ message: 'urgency must be 1, 2 or 3' })
  @Min(1, { message: 'urgency must be 1, 2 or 3' })
  @Max(3, { message: 'urgency must be 1, 2 or 3' })
  urgency?: 1 | 2 | 3;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  category?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  subcategory?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Configuration item (CI id or CI-00042), null to clear' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(64)
  @IsSingleLine()
  ciId?: string | null;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalButNotNull()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  @IsSingleLine()
  shortDescription?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptionalButNotNull()
  @IsString()
  @MaxLength(10_000)
  @IsMultiLineText()
  description?: string;

  @ApiPropertyOptional({ description: 'The version you read (or send If-Match)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  version?: number;
}
