import { ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_AUDIENCES, ARTICLE_LANGUAGES, ArticleAudience, ArticleLanguage } from '@helpdesk/contracts';
import { IsMultiLineText, IsOptionalButNotNull, IsSingleLine } from '@helpdesk/service-runtime';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsReference, IsShortStringList } from './article-fields.validators';
import { BODY_MAX, NOT_BLANK, TITLE_MAX } from './create-article.dto';

/** Every field optional; `translationOf` and `category` take null to clear. Each save is a new version. */
export class UpdateArticleDto {
  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOptionalButNotNull()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(TITLE_MAX)
  @IsSingleLine()
  title?: string;

  @ApiPropertyOptional({ maxLength: BODY_MAX, description: 'Markdown' })
  @IsOptionalButNotNull()
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  @MaxLength(BODY_MAX)
  @IsMultiLineText()
  body?: string;

  @ApiPropertyOptional({ enum: ARTICLE_LANGUAGES })
  @IsOptionalButNotNull()
  @IsIn(ARTICLE_LANGUAGES, { message: `language must be one of ${ARTICLE_LANGUAGES.join(', ')}` })
  language?: ArticleLanguage;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'UUID or KB number; null: not a translation' })
  @IsOptional()
  @IsReference('translationOf')
  translationOf?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'UUID or code; null: no category' })
  @IsOptional()
  @IsReference('category')
  category?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalButNotNull()
  @IsShortStringList('tags', 20, 50)
  tags?: string[];

  @ApiPropertyOptional({ enum: ARTICLE_AUDIENCES })
  @IsOptionalButNotNull()
  @IsIn(ARTICLE_AUDIENCES, { message: `audience must be one of ${ARTICLE_AUDIENCES.join(', ')}` })
  audience?: ArticleAudience;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalButNotNull()
  @IsShortStringList('relatedCiIds', 50, 64)
  relatedCiIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalButNotNull()
  @IsShortStringList('incidentCategories', 20, 100)
  incidentCategories?: string[];

  @ApiPropertyOptional({ description: 'Change note for the version history', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsMultiLineText()
  note?: string;

  @ApiPropertyOptional({ description: 'The version you read (or send If-Match); stale → 409' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;
}
