import { ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_VIEW_SOURCES, ArticleViewSource } from '@helpdesk/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
export const SESSION_ID_MESSAGE = 'must be 1–100 letters, digits, underscores or hyphens (e.g. a UUID)';

/** Where the reader came from, for the view that a GET of a published article records. */
export class GetArticleQueryDto {
  @ApiPropertyOptional({
    enum: ARTICLE_VIEW_SOURCES,
    description: 'How the reader got here (suggestion views count for self-service)',
  })
  @IsOptional()
  @IsIn(ARTICLE_VIEW_SOURCES, { message: `source must be one of ${ARTICLE_VIEW_SOURCES.join(', ')}` })
  source?: ArticleViewSource;

  @ApiPropertyOptional({ description: 'The portal help session this view belongs to' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(SESSION_ID_PATTERN, { message: `session ${SESSION_ID_MESSAGE}` })
  session?: string;
}
