import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { KbCategoryDto } from '../../categories/dto/kb-category.dto';
import { ARTICLE_ACTIONS, ArticleAction } from '../domain/article-lifecycle';

export class ArticlePersonDto {
  @ApiProperty({ description: 'User id, or a system actor such as problem-service' })
  id: string;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;
}

export class ArticleSourceDto {
  @ApiProperty({ enum: ARTICLE_SOURCES })
  type: ArticleSourceType;

  @ApiProperty({ nullable: true, type: String, description: 'Incident or problem id, or seed key' })
  id: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'INC0001234' })
  number: string | null;
}

export class ArticleTranslationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'KB0000124' })
  number: string;

  @ApiProperty({ enum: ARTICLE_LANGUAGES })
  language: ArticleLanguage;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: ARTICLE_STATES })
  state: ArticleState;
}

export class MyFeedbackDto {
  @ApiProperty()
  helpful: boolean;

  @ApiProperty({ nullable: true, type: String })
  comment: string | null;
}

/** An article in a list: everything but the body. */
export class ArticleSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'KB0000123' })
  number: string;

  @ApiProperty({ enum: ARTICLE_STATES })
  state: ArticleState;

  @ApiProperty({ description: 'Optimistic lock: send it back (or as If-Match) when changing the article' })
  version: number;

  @ApiProperty({ enum: ARTICLE_LANGUAGES })
  language: ArticleLanguage;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The original this article translates' })
  translationOf: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: KbCategoryDto, nullable: true })
  category: KbCategoryDto | null;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ enum: ARTICLE_AUDIENCES })
  audience: ArticleAudience;

  @ApiProperty({ type: [String] })
  relatedCiIds: string[];

  @ApiProperty({ type: [String] })
  incidentCategories: string[];

  @ApiProperty({ type: ArticleSourceDto })
  source: ArticleSourceDto;

  @ApiProperty({ type: ArticlePersonDto })
  author: ArticlePersonDto;

  @ApiProperty({ type: ArticlePersonDto })
  updatedBy: ArticlePersonDto;

  @ApiProperty()
  viewCount: number;

  @ApiProperty()
  helpfulCount: number;

  @ApiProperty()
  notHelpfulCount: number;

  @ApiProperty({ description: '"This solved my problem" clicks' })
  deflectionCount: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  publishedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  retiredAt: string | null;

  @ApiProperty({ enum: ARTICLE_ACTIONS, isArray: true, description: 'What the caller may do now (edit = PATCH)' })
  allowedActions: ArticleAction[];
}

/** One article with its rendered body, translations and the caller's own feedback. */
export class ArticleDto extends ArticleSummaryDto {
  @ApiProperty({ description: 'Markdown source' })
  body: string;

  @ApiProperty({ description: 'The body rendered to HTML that is safe to insert (no raw HTML, checked links)' })
  bodyHtml: string;

  @ApiProperty({ type: [ArticleTranslationDto], description: 'The same article in other languages that the caller may see' })
  translations: ArticleTranslationDto[];

  @ApiProperty({ description: 'Resolved incidents that name this article as the one that solved them' })
  citedByIncidentCount: number;

  @ApiProperty({ type: MyFeedbackDto, nullable: true })
  myFeedback: MyFeedbackDto | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'Authors and reviewers only' })
  submittedAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why a reviewer sent it back (authors and reviewers only)' })
  reviewNote?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  retireReason?: string | null;
}

export class ArticleFieldChangeDto {
  @ApiProperty({ example: 'tags' })
  field: string;

  @ApiProperty({ nullable: true, description: 'Null for the body (see diff)' })
  from: unknown;

  @ApiProperty({ nullable: true })
  to: unknown;
}

/** One version in the history: who, when, what changed, and the diff of title and body. */
export class ArticleVersionSummaryDto {
  @ApiProperty()
  version: number;

  @ApiProperty({ example: 'edited', description: 'created, edited, submitted, published, rejected, retired' })
  action: string;

  @ApiProperty({ enum: ARTICLE_STATES })
  state: ArticleState;

  @ApiProperty({ type: ArticlePersonDto })
  author: ArticlePersonDto;

  @ApiProperty({ example: 'agent' })
  authorRole: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: [ArticleFieldChangeDto] })
  changes: ArticleFieldChangeDto[];

  @ApiProperty({ description: 'Unified diff of title and body against the version before; empty when they did not change' })
  diff: string;

  @ApiProperty()
  linesAdded: number;

  @ApiProperty()
  linesRemoved: number;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;
}

/** A version with its full content as of then. */
export class ArticleVersionDto extends ArticleVersionSummaryDto {
  @ApiProperty()
  body: string;

  @ApiProperty({ enum: ARTICLE_LANGUAGES })
  language: ArticleLanguage;

  @ApiProperty({ nullable: true, type: String })
  translationOf: string | null;

  @ApiProperty({ nullable: true, type: String })
  categoryId: string | null;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ enum: ARTICLE_AUDIENCES })
  audience: ArticleAudience;

  @ApiProperty({ type: [String] })
  relatedCiIds: string[];

  @ApiProperty({ type: [String] })
  incidentCategories: string[];
}
