import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KbFeedbackEntity } from './entities/kb-feedback.entity';

/** The only code that touches kb_feedback. */
@Injectable()
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  findOne(articleId: string, userId: string, manager?: EntityManager): Promise<KbFeedbackEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(KbFeedbackEntity, { articleId, userId });
  }

  async save(manager: EntityManager, feedback: KbFeedbackEntity): Promise<void> {
    await manager.save(KbFeedbackEntity, feedback);
  }

  list(articleId: string, after: { at: string; id: string } | null, limit: number): Promise<KbFeedbackEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(KbFeedbackEntity, 'f')
      .where('f.article_id = :articleId', { articleId });
    if (after) qb.andWhere('(f.updated_at, f.id) < (:afterAt::timestamptz, :afterId)', { afterAt: after.at, afterId: after.id });
    return qb
      .orderBy('f.updated_at', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }
}
