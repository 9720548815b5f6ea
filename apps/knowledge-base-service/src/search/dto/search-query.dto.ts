import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_AUDIENCES, ARTICLE_LANGUAGES, ArticleAudience, ArticleLanguage } from '@helpdesk/contracts';
import { IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;

/** `GET /kb/search?q=&lang=&category=&audience=&limit=&cursor=` */
export class SearchQueryDto {
  @ApiProperty({ description: 'What to look for, in Japanese, English or both', example: 'VPN 繋がらない' })
  @IsString()
  @MinLength(1, { message: 'q must not be empty' })
  @MaxLength(500)
  @IsSingleLine()
  q: string;

  @ApiPropertyOptional({ enum: ARTICLE_LANGUAGES, description: 'Only articles in this language' })
  @IsOptional()
  @IsIn(ARTICLE_LANGUAGES, { message: `lang must be one of ${ARTICLE_LANGUAGES.join(', ')}` })
  lang?: ArticleLanguage;

  @ApiPropertyOptional({ description: 'Category UUID or code; its subcategories are included', example: 'network' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @IsSingleLine()
  category?: string;

  @ApiPropertyOptional({ enum: ARTICLE_AUDIENCES, description: 'Employees only ever find articles for employees' })
  @IsOptional()
  @IsIn(ARTICLE_AUDIENCES, { message: `audience must be one of ${ARTICLE_AUDIENCES.join(', ')}` })
  audience?: ArticleAudience;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SEARCH_LIMIT, default: DEFAULT_SEARCH_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_SEARCH_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; omit for the first page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor returned by this search' })
  cursor?: string;
}
