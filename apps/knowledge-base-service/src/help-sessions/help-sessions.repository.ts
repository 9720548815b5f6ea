import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KbHelpSessionEntity } from './entities/kb-help-session.entity';

/** The only code that touches kb_help_session. */
@Injectable()
export class HelpSessionsRepository {
  /** Inserts unless the id exists; true when inserted. */
  async insertOnce(manager: EntityManager, session: KbHelpSessionEntity): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO kb_help_session (id, user_id, query, started_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [session.id, session.userId, session.query, session.startedAt],
    );
    return rows.length > 0;
  }

  find(manager: EntityManager, id: string): Promise<KbHelpSessionEntity | null> {
    return manager.findOneBy(KbHelpSessionEntity, { id });
  }
}
