import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalButNotNull } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { IsLabelText, TrimText } from './label-text.validator';

/** Only the fields sent change; the code is stable and cannot be changed. */
export class UpdateCategoryDto {
  @ApiPropertyOptional({ example: 1, description: 'The version you read (or send If-Match); a stale one gets 409' })
  @IsOptionalButNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @TrimText()
  @IsLabelText({ maxLength: 100 })
  nameJa?: string;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @TrimText()
  @IsLabelText({ maxLength: 100 })
  nameEn?: string;

  @ApiPropertyOptional({ description: 'False retires it: employees no longer see it; existing incidents keep it' })
  @IsOptionalButNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsBoolean()
  firstLevelResolvable?: boolean;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  sortOrder?: number;
}
