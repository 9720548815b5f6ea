import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_VIEW_SOURCES, ArticleViewSource } from '@helpdesk/contracts';
import { IsMultiLineText } from '@helpdesk/service-runtime';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsReference } from '../../articles/dto/article-fields.validators';
import { SESSION_ID_MESSAGE, SESSION_ID_PATTERN } from '../../articles/dto/get-article.query.dto';

export class RecordDeflectionDto {
  @ApiProperty({ description: 'The article that solved it (UUID or KB number)', example: 'KB0000123' })
  @IsReference('articleId')
  articleId: string;

  @ApiPropertyOptional({ description: 'What the employee had typed', example: 'VPN 繋がらない', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsMultiLineText()
  query?: string;

  @ApiPropertyOptional({
    description: 'The portal help session (one deflection per session)',
    example: '5f0c6d2e-4b1a-4c55-9d7e-3f1a2b3c4d5e',
  })
  @IsOptional()
  @IsString()
  @Matches(SESSION_ID_PATTERN, { message: `sessionId ${SESSION_ID_MESSAGE}` })
  sessionId?: string;

  @ApiPropertyOptional({ enum: ARTICLE_VIEW_SOURCES, description: 'How the employee found the article' })
  @IsOptional()
  @IsIn(ARTICLE_VIEW_SOURCES, { message: `source must be one of ${ARTICLE_VIEW_SOURCES.join(', ')}` })
  source?: ArticleViewSource;
}

export class DeflectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ example: 'KB0000123' })
  articleNumber: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ nullable: true, type: String })
  sessionId: string | null;

  @ApiProperty({ nullable: true, type: String })
  query: string | null;

  @ApiProperty({ nullable: true, enum: ARTICLE_VIEW_SOURCES })
  source: ArticleViewSource | null;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'False when this session had already recorded its deflection (nothing new was counted)' })
  recorded: boolean;
}
