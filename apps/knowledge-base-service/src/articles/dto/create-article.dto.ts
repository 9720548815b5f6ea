import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_AUDIENCES, ARTICLE_LANGUAGES, ArticleAudience, ArticleLanguage } from '@helpdesk/contracts';
import { IsMultiLineText, IsSingleLine } from '@helpdesk/service-runtime';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsReference, IsShortStringList } from './article-fields.validators';

export const TITLE_MAX = 200;
export const BODY_MAX = 100_000;
/** Some visible character: a title of spaces is as empty as no title. */
export const NOT_BLANK = /\S/;

export class CreateArticleDto {
  @ApiProperty({ example: 'VPN に接続できないとき', maxLength: TITLE_MAX })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(TITLE_MAX)
  @IsSingleLine()
  title: string;

  @ApiProperty({
    description: 'Markdown. Raw HTML is shown as text; links must be http(s), mailto or relative; images http(s) or relative.',
    example: '## 手順\n\n1. Wi-Fi に接続し直す\n2. VPN クライアントを再起動する',
    maxLength: BODY_MAX,
  })
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  @MaxLength(BODY_MAX)
  @IsMultiLineText()
  body: string;

  @ApiProperty({ enum: ARTICLE_LANGUAGES })
  @IsIn(ARTICLE_LANGUAGES, { message: `language must be one of ${ARTICLE_LANGUAGES.join(', ')}` })
  language: ArticleLanguage;

  @ApiPropertyOptional({ description: 'The article this one translates (UUID or KB number); its language must differ' })
  @IsOptional()
  @IsReference('translationOf')
  translationOf?: string;

  @ApiPropertyOptional({ description: 'Category (UUID or code, GET /kb/categories)', example: 'network.vpn' })
  @IsOptional()
  @IsReference('category')
  category?: string;

  @ApiPropertyOptional({ type: [String], example: ['vpn', 'リモートワーク'], description: 'Up to 20; stored lower case' })
  @IsOptional()
  @IsShortStringList('tags', 20, 50)
  tags?: string[];

  @ApiPropertyOptional({
    enum: ARTICLE_AUDIENCES,
    description: 'Default it_staff: an article reaches employees only when chosen',
  })
  @IsOptional()
  @IsIn(ARTICLE_AUDIENCES, { message: `audience must be one of ${ARTICLE_AUDIENCES.join(', ')}` })
  audience?: ArticleAudience;

  @ApiPropertyOptional({ type: [String], example: ['CI-00042'], description: 'Configuration items the article is about' })
  @IsOptional()
  @IsShortStringList('relatedCiIds', 50, 64)
  relatedCiIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['network.vpn'], description: 'Incident category codes it answers' })
  @IsOptional()
  @IsShortStringList('incidentCategories', 20, 100)
  incidentCategories?: string[];

  @ApiPropertyOptional({ description: 'Change note for the version history', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsMultiLineText()
  note?: string;
}
