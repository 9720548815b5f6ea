import { ApiProperty } from '@nestjs/swagger';
import { ARTICLE_AUDIENCES, ARTICLE_LANGUAGES, ArticleAudience, ArticleLanguage } from '@helpdesk/contracts';

/** One article found: what a result list shows, without the body. */
export class SearchResultDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'KB0001234' })
  number: string;

  @ApiProperty({ enum: ARTICLE_LANGUAGES })
  language: ArticleLanguage;

  @ApiProperty()
  title: string;

  @ApiProperty({
    description: 'HTML: a passage of the body as plain text, HTML-escaped, with the matched words in <mark>…</mark>',
    example: 'VPN に<mark>接続</mark>できないときは、まず…',
  })
  snippet: string;

  @ApiProperty({ description: 'Relevance, weighed by helpfulness and freshness (higher first; comparable within one search)' })
  score: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId: string | null;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ enum: ARTICLE_AUDIENCES })
  audience: ArticleAudience;

  @ApiProperty()
  helpfulCount: number;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}

export class SuggestionsDto {
  @ApiProperty({ type: [SearchResultDto], description: 'At most five articles, the best first' })
  items: SearchResultDto[];
}
