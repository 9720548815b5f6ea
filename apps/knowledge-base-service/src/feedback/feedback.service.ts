import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { KnowledgeFeedbackRecorded } from '@helpdesk/contracts';
import { decodeCursor, Page, toPage } from '@helpdesk/service-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { actorOf } from '../articles/article-actor';
import { ArticleEventsPublisher } from '../articles/article-events.publisher';
import { ArticleErrorCode, ArticleException } from '../articles/article.exception';
import { ArticlesRepository } from '../articles/articles.repository';
import { ArticlesService } from '../articles/articles.service';
import { ArticleSearchIndexer } from '../search';
import { FeedbackDto, FeedbackResultDto, RecordFeedbackDto } from './dto/feedback.dto';
import { KbFeedbackEntity } from './entities/kb-feedback.entity';
import { FeedbackRepository } from './feedback.repository';

function toFeedbackDto(f: KbFeedbackEntity): FeedbackDto {
  return {
    id: f.id,
    articleId: f.articleId,
    userId: f.userId,
    userName: f.userName,
    helpful: f.helpful,
    comment: f.comment,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

/** "Was this helpful?": one answer per reader and article (changing it replaces it), with the counts kept on the article. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articlesService: ArticlesService,
    private readonly articles: ArticlesRepository,
    private readonly feedback: FeedbackRepository,
    private readonly events: ArticleEventsPublisher,
    private readonly index: ArticleSearchIndexer,
  ) {}

  async record(principal: Principal, ref: string, dto: RecordFeedbackDto): Promise<FeedbackResultDto> {
    return this.dataSource.transaction(async (manager) => {
      // The article's lock orders concurrent answers, so each recount sees the ones before it.
      const article = await this.articlesService.lockVisible(manager, principal, ref);
      if (article.state !== 'published') {
        throw ArticleException.conflict(
          ArticleErrorCode.NotPublished,
          'state',
          `is ${article.state}; feedback is for published articles`,
        );
      }
      const at = new Date();
      const previous = await this.feedback.findOne(article.id, principal.id, manager);
      const feedback = Object.assign(new KbFeedbackEntity(), {
        id: previous?.id ?? randomUUID(),
        articleId: article.id,
        userId: principal.id,
        userName: principal.name,
        helpful: dto.helpful,
        comment: dto.comment?.trim() || null,
        createdAt: previous?.createdAt ?? at,
        updatedAt: at,
      });
      await this.feedback.save(manager, feedback);
      const counts = await this.articles.recountFeedback(manager, article.id);
      Object.assign(article, counts);
      await this.index.recordFeedback(manager, article.id, counts.helpfulCount, counts.notHelpfulCount);
      await this.events.append(
        manager,
        article,
        KnowledgeFeedbackRecorded,
        {
          feedbackId: feedback.id,
          userId: principal.id,
          helpful: feedback.helpful,
          comment: feedback.comment,
          previousHelpful: previous?.helpful ?? null,
        },
        actorOf(principal).event,
      );
      return { feedback: toFeedbackDto(feedback), ...counts };
    });
  }

  /** Everyone's answers and comments, newest first (for the people who maintain the article). */
  async list(principal: Principal, ref: string, limit: number, cursor: string | undefined): Promise<Page<FeedbackDto>> {
    const article = await this.articlesService.findVisible(principal, ref);
    const after = decodeCursor(cursor, { at: 'timestamp', id: 'uuid' });
    const rows = await this.feedback.list(article.id, after, limit);
    return toPage(rows, limit, (f) => ({ at: f.updatedAt.toISOString(), id: f.id }), toFeedbackDto);
  }
}
