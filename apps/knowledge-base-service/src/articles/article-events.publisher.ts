import { Injectable } from '@nestjs/common';
import { EventActor, EventDefinition, KnowledgeArticleEventPayload } from '@helpdesk/contracts';
import { OutboxService } from '@helpdesk/messaging';
import { EntityManager } from 'typeorm';
import { CategoriesService } from '../categories/categories.service';
import { toArticleSnapshot } from './article-snapshot.mapper';
import { KbArticleEntity } from './entities/kb-article.entity';

/** Appends knowledge.* events to the outbox in the caller's transaction, each with the article's snapshot. */
@Injectable()
export class ArticleEventsPublisher {
  constructor(
    private readonly outbox: OutboxService,
    private readonly categories: CategoriesService,
  ) {}

  async append<TDetail>(
    manager: EntityManager,
    article: KbArticleEntity,
    event: EventDefinition<string, KnowledgeArticleEventPayload<TDetail>>,
    detail: TDetail,
    actor: EventActor,
  ): Promise<void> {
    const category = article.categoryId ? await this.categories.findById(article.categoryId, manager) : null;
    await this.outbox.append(manager, {
      event,
      aggregateId: article.id,
      payload: { article: toArticleSnapshot(article, category?.code ?? null), detail },
      actor,
    });
  }
}
