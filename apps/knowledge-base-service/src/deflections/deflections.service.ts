import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { KnowledgeDeflectionRecorded } from '@helpdesk/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { actorOf } from '../articles/article-actor';
import { ArticleEventsPublisher } from '../articles/article-events.publisher';
import { ArticleErrorCode, ArticleException } from '../articles/article.exception';
import { ArticlesRepository } from '../articles/articles.repository';
import { ArticlesService } from '../articles/articles.service';
import { isStaff } from '../articles/domain/article-roles';
import { HelpSessionsRepository } from '../help-sessions/help-sessions.repository';
import { DeflectionsRepository } from './deflections.repository';
import { DeflectionDto, RecordDeflectionDto } from './dto/deflection.dto';
import { KbDeflectionEntity } from './entities/kb-deflection.entity';

/**
 * "This solved my problem": counted on the article and published as knowledge.deflection-recorded, the
 * numerator of itil.md's self-service rate. One per user and help session.
 */
@Injectable()
export class DeflectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articlesService: ArticlesService,
    private readonly articles: ArticlesRepository,
    private readonly deflections: DeflectionsRepository,
    private readonly helpSessions: HelpSessionsRepository,
    private readonly events: ArticleEventsPublisher,
  ) {}

  async record(principal: Principal, dto: RecordDeflectionDto): Promise<DeflectionDto> {
    return this.dataSource.transaction(async (manager) => {
      const article = await this.articlesService.findVisible(principal, dto.articleId, manager);
      if (article.state !== 'published') {
        throw ArticleException.conflict(
          ArticleErrorCode.NotPublished,
          'articleId',
          `is ${article.state}; only a published article can solve a problem`,
        );
      }
      // Someone else's help session is not the caller's to end: it would count their session as self-served.
      const session = dto.sessionId ? await this.helpSessions.find(manager, dto.sessionId) : null;
      if (session && session.userId !== principal.id) {
        throw ArticleException.conflict(ArticleErrorCode.SessionTaken, 'sessionId', 'is another user’s help session');
      }
      const deflection = Object.assign(new KbDeflectionEntity(), {
        id: randomUUID(),
        articleId: article.id,
        userId: principal.id,
        sessionId: dto.sessionId ?? null,
        query: dto.query?.trim() || null,
        source: dto.source ?? null,
        at: new Date(),
      });
      if (!(await this.deflections.insertOnce(manager, deflection))) {
        const earlier = (await this.deflections.findBySession(manager, principal.id, dto.sessionId!))!;
        const solvedBy =
          earlier.articleId === article.id ? article : await this.articles.find({ id: earlier.articleId }, manager);
        return toDeflectionDto(earlier, solvedBy!.number, false);
      }
      article.deflectionCount = await this.articles.addDeflection(manager, article.id);
      await this.events.append(
        manager,
        article,
        KnowledgeDeflectionRecorded,
        {
          deflectionId: deflection.id,
          userId: principal.id,
          userIsStaff: isStaff(principal.roles),
          sessionId: deflection.sessionId,
          query: deflection.query,
          source: deflection.source,
          deflectedAt: deflection.at.toISOString(),
        },
        actorOf(principal).event,
      );
      return toDeflectionDto(deflection, article.number, true);
    });
  }
}

function toDeflectionDto(d: KbDeflectionEntity, articleNumber: string, recorded: boolean): DeflectionDto {
  return {
    id: d.id,
    articleId: d.articleId,
    articleNumber,
    userId: d.userId,
    sessionId: d.sessionId,
    query: d.query,
    source: d.source,
    at: d.at.toISOString(),
    recorded,
  };
}
