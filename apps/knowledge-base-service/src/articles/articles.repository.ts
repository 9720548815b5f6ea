import { Injectable } from '@nestjs/common';
import type { ArticleAudience, ArticleLanguage, ArticleSourceType, ArticleState } from '@helpdesk/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ArticleRef } from './article-number';
import { KbArticleVersionEntity } from './entities/kb-article-version.entity';
import { KbArticleEntity } from './entities/kb-article.entity';

export interface ArticleListFilter {
  states?: ArticleState[] | null;
  audiences?: ArticleAudience[] | null;
  languages?: ArticleLanguage[];
  categoryId?: string;
  tag?: string;
  authorId?: string;
  sourceType?: ArticleSourceType;
}

export interface ArticleCounters {
  viewCount: number;
  helpfulCount: number;
  notHelpfulCount: number;
  deflectionCount: number;
}

/** The only code that touches kb_article and kb_article_version. */
@Injectable()
export class ArticlesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(manager: EntityManager, article: KbArticleEntity): Promise<void> {
    await manager.insert(KbArticleEntity, article);
  }

  /** Writes every column but the counters (views and feedback move on their own); the caller holds the lock. */
  async update(manager: EntityManager, article: KbArticleEntity): Promise<void> {
    const { id, viewCount: _v, helpfulCount: _h, notHelpfulCount: _n, deflectionCount: _d, ...columns } = article;
    await manager.update(KbArticleEntity, { id }, columns);
  }

  find(ref: ArticleRef, manager?: EntityManager): Promise<KbArticleEntity | null> {
    return this.m(manager).findOneBy(KbArticleEntity, ref);
  }

  /** Locks the row for the rest of the transaction, so concurrent changes apply one after the other. */
  findForUpdate(manager: EntityManager, ref: ArticleRef): Promise<KbArticleEntity | null> {
    return manager
      .createQueryBuilder(KbArticleEntity, 'a')
      .setLock('pessimistic_write')
      .where('id' in ref ? 'a.id = :id' : 'a.number = :number', ref)
      .getOne();
  }

  findBySource(manager: EntityManager, sourceType: ArticleSourceType, sourceId: string): Promise<KbArticleEntity | null> {
    return manager.findOneBy(KbArticleEntity, { sourceType, sourceId });
  }

  /** The original and its translations (every state), the given article included. */
  translationGroup(rootId: string, manager?: EntityManager): Promise<KbArticleEntity[]> {
    return this.m(manager)
      .createQueryBuilder(KbArticleEntity, 'a')
      .where('COALESCE(a.translation_of, a.id) = :rootId', { rootId })
      .orderBy('a.language', 'ASC')
      .addOrderBy('a.number', 'ASC')
      .getMany();
  }

  async hasTranslations(articleId: string, manager: EntityManager): Promise<boolean> {
    return (await manager.countBy(KbArticleEntity, { translationOf: articleId })) > 0;
  }

  list(filter: ArticleListFilter, after: { at: string; id: string } | null, limit: number): Promise<KbArticleEntity[]> {
    const qb = this.dataSource.manager.createQueryBuilder(KbArticleEntity, 'a');
    if (filter.states) qb.andWhere('a.state = ANY(:states)', { states: filter.states });
    if (filter.audiences) qb.andWhere('a.audience = ANY(:audiences)', { audiences: filter.audiences });
    if (filter.languages?.length) qb.andWhere('a.language = ANY(:languages)', { languages: filter.languages });
    if (filter.categoryId) {
      // The category and everything below it.
      qb.andWhere(
        `a.category_id IN (WITH RECURSIVE sub AS (
           SELECT id FROM kb_category WHERE id = :categoryId
           UNION ALL SELECT c.id FROM kb_category c JOIN sub ON c.parent_id = sub.id)
         SELECT id FROM sub)`,
        { categoryId: filter.categoryId },
      );
    }
    if (filter.tag) qb.andWhere(':tag = ANY(a.tags)', { tag: filter.tag });
    if (filter.authorId) qb.andWhere('a.author_id = :authorId', { authorId: filter.authorId });
    if (filter.sourceType) qb.andWhere('a.source_type = :sourceType', { sourceType: filter.sourceType });
    if (after) qb.andWhere('(a.updated_at, a.id) < (:afterAt::timestamptz, :afterId)', { afterAt: after.at, afterId: after.id });
    return qb
      .orderBy('a.updated_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  async addVersion(manager: EntityManager, version: Omit<KbArticleVersionEntity, 'id'>): Promise<void> {
    // The jsonb `changes` holds unknown values, which TypeORM's deep-partial type cannot express.
    await manager.insert(KbArticleVersionEntity, version as QueryDeepPartialEntity<KbArticleVersionEntity>);
  }

  versions(articleId: string, beforeVersion: number | null, limit: number): Promise<KbArticleVersionEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(KbArticleVersionEntity, 'v')
      .where('v.article_id = :articleId', { articleId });
    if (beforeVersion !== null) qb.andWhere('v.version < :beforeVersion', { beforeVersion });
    return qb
      .orderBy('v.version', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  version(articleId: string, version: number): Promise<KbArticleVersionEntity | null> {
    return this.dataSource.manager.findOneBy(KbArticleVersionEntity, { articleId, version });
  }

  /** One more view; returns the new count (no lock, no version bump: readers never block editors). */
  async addView(manager: EntityManager, articleId: string): Promise<number> {
    const rows = await updateReturning<{ view_count: number }>(
      manager,
      `UPDATE kb_article SET view_count = view_count + 1 WHERE id = $1 RETURNING view_count`,
      [articleId],
    );
    return rows[0].view_count;
  }

  async addDeflection(manager: EntityManager, articleId: string): Promise<number> {
    const rows = await updateReturning<{ deflection_count: number }>(
      manager,
      `UPDATE kb_article SET deflection_count = deflection_count + 1 WHERE id = $1 RETURNING deflection_count`,
      [articleId],
    );
    return rows[0].deflection_count;
  }

  /** Recounts helpful / not helpful from kb_feedback (the caller holds the article's lock). */
  async recountFeedback(manager: EntityManager, articleId: string): Promise<{ helpfulCount: number; notHelpfulCount: number }> {
    const rows = await updateReturning<{ helpful_count: number; not_helpful_count: number }>(
      manager,
      `UPDATE kb_article a
          SET helpful_count = f.helpful, not_helpful_count = f.not_helpful
         FROM (SELECT count(*) FILTER (WHERE helpful)::int AS helpful, count(*) FILTER (WHERE NOT helpful)::int AS not_helpful
                 FROM kb_feedback WHERE article_id = $1) f
        WHERE a.id = $1
        RETURNING a.helpful_count, a.not_helpful_count`,
      [articleId],
    );
    return { helpfulCount: rows[0].helpful_count, notHelpfulCount: rows[0].not_helpful_count };
  }
}

/** TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected count]: the rows. */
async function updateReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const [rows] = (await manager.query(sql, parameters)) as [T[], number];
  return rows;
}
