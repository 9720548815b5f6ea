import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KbDeflectionEntity } from './entities/kb-deflection.entity';

/** The only code that touches kb_deflection. */
@Injectable()
export class DeflectionsRepository {
  /** Inserts unless the user's session already has its deflection; true when inserted. */
  async insertOnce(manager: EntityManager, d: KbDeflectionEntity): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO kb_deflection (id, article_id, user_id, session_id, query, source, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id, session_id) WHERE session_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [d.id, d.articleId, d.userId, d.sessionId, d.query, d.source, d.at],
    );
    return rows.length > 0;
  }

  findBySession(manager: EntityManager, userId: string, sessionId: string): Promise<KbDeflectionEntity | null> {
    return manager.findOneBy(KbDeflectionEntity, { userId, sessionId });
  }
}
