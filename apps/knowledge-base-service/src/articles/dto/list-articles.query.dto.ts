import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ARTICLE_AUDIENCES,
  ARTICLE_LANGUAGES,
  ARTICLE_SOURCES,
  ARTICLE_STATES,
  ArticleAudience,
  ArticleLanguage,
  ArticleSourceType,
  ArticleState,
} from '@helpdesk/contracts';
import { IsSingleLine, PageQueryDto } from '@helpdesk/service-runtime';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListArticlesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_STATES, description: 'Employees only ever see published articles' })
  @IsOptional()
  @IsIn(ARTICLE_STATES, { message: `state must be one of ${ARTICLE_STATES.join(', ')}` })
  state?: ArticleState;

  @ApiPropertyOptional({ enum: ARTICLE_LANGUAGES, description: 'Articles in this language' })
  @IsOptional()
  @IsIn(ARTICLE_LANGUAGES, { message: `lang must be one of ${ARTICLE_LANGUAGES.join(', ')}` })
  lang?: ArticleLanguage;

  @ApiPropertyOptional({ description: 'Category UUID or code (its subcategories included)' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @IsSingleLine()
  category?: string;

  @ApiPropertyOptional({ enum: ARTICLE_AUDIENCES, description: 'Never widens what the caller may see' })
  @IsOptional()
  @IsIn(ARTICLE_AUDIENCES, { message: `audience must be one of ${ARTICLE_AUDIENCES.join(', ')}` })
  audience?: ArticleAudience;

  @ApiPropertyOptional({ example: 'vpn', description: 'Articles with this tag (compared as tags are stored: lower case, NFKC)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @IsSingleLine()
  tag?: string;

  @ApiPropertyOptional({ description: '`me` or a user id: articles they started' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @IsSingleLine()
  author?: string;

  @ApiPropertyOptional({ enum: ARTICLE_SOURCES, description: 'Drafted by hand, from an incident, from a known error, or seeded' })
  @IsOptional()
  @IsIn(ARTICLE_SOURCES, { message: `source must be one of ${ARTICLE_SOURCES.join(', ')}` })
  source?: ArticleSourceType;
}
