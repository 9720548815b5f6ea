import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsLabelText, TrimText } from './label-text.validator';

/** `network` or `network.vpn`: lower-case letters, digits, `_` and `-`, each part starting with a letter. */
export const CATEGORY_CODE_PATTERN = /^[a-z][a-z0-9_-]{0,39}(\.[a-z][a-z0-9_-]{0,39})?$/;
export const CATEGORY_CODE_MESSAGE =
  'code must be lower-case letters, digits, _ or - (up to 40), starting with a letter; a subcategory is parent.child';

export class CreateCategoryDto {
  @ApiProperty({ example: 'network.vpn', description: 'Stable code; `parent.child` creates a subcategory of an existing parent' })
  @Matches(CATEGORY_CODE_PATTERN, { message: CATEGORY_CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'VPN' })
  @TrimText()
  @IsLabelText({ maxLength: 100 })
  nameJa: string;

  @ApiProperty({ example: 'VPN' })
  @TrimText()
  @IsLabelText({ maxLength: 100 })
  nameEn: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: "Default: the parent's value for a subcategory, else true" })
  @IsOptional()
  @IsBoolean()
  firstLevelResolvable?: boolean;

  @ApiPropertyOptional({ example: 10, description: 'Default: after its last sibling' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  sortOrder?: number;
}
