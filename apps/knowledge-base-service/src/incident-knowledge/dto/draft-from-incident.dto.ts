import { ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_AUDIENCES, ARTICLE_LANGUAGES, ArticleAudience, ArticleLanguage } from '@helpdesk/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { IsReference } from '../../articles/dto/article-fields.validators';

/** Optional choices for a draft started from an incident (the texts come from the incident). */
export class DraftFromIncidentDto {
  @ApiPropertyOptional({ enum: ARTICLE_LANGUAGES, description: 'Default: Japanese when the incident text has any, else English' })
  @IsOptional()
  @IsIn(ARTICLE_LANGUAGES, { message: `language must be one of ${ARTICLE_LANGUAGES.join(', ')}` })
  language?: ArticleLanguage;

  @ApiPropertyOptional({ enum: ARTICLE_AUDIENCES, description: 'Default it_staff' })
  @IsOptional()
  @IsIn(ARTICLE_AUDIENCES, { message: `audience must be one of ${ARTICLE_AUDIENCES.join(', ')}` })
  audience?: ArticleAudience;

  @ApiPropertyOptional({ description: 'Article category (UUID or code)' })
  @IsOptional()
  @IsReference('category')
  category?: string;
}
