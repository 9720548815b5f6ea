import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KbResolvedIncidentEntity } from './entities/kb-resolved-incident.entity';

export type IncidentRef = { id: string } | { number: string };

/** The only code that touches kb_resolved_incident. */
@Injectable()
export class ResolvedIncidentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(ref: IncidentRef, manager?: EntityManager): Promise<KbResolvedIncidentEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(KbResolvedIncidentEntity, ref);
  }

  /** Inserts or replaces the copy, unless we already hold a newer version of the incident (events may come late). */
  async upsert(manager: EntityManager, i: KbResolvedIncidentEntity): Promise<void> {
    await manager.query(
      `INSERT INTO kb_resolved_incident (id, number, incident_version, state, short_description, description,
         resolution_code, resolution_notes, category, subcategory, ci_id, knowledge_article_id, resolved_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET
         number = EXCLUDED.number, incident_version = EXCLUDED.incident_version, state = EXCLUDED.state,
         short_description = EXCLUDED.short_description, description = EXCLUDED.description,
         resolution_code = EXCLUDED.resolution_code, resolution_notes = EXCLUDED.resolution_notes,
         category = EXCLUDED.category, subcategory = EXCLUDED.subcategory, ci_id = EXCLUDED.ci_id,
         knowledge_article_id = EXCLUDED.knowledge_article_id, resolved_at = EXCLUDED.resolved_at,
         updated_at = EXCLUDED.updated_at
       WHERE kb_resolved_incident.incident_version <= EXCLUDED.incident_version`,
      [
        i.id,
        i.number,
        i.incidentVersion,
        i.state,
        i.shortDescription,
        i.description,
        i.resolutionCode,
        i.resolutionNotes,
        i.category,
        i.subcategory,
        i.ciId,
        i.knowledgeArticleId,
        i.resolvedAt,
        i.updatedAt,
      ],
    );
  }

  /** Whether we hold a copy of the incident (an event for one we never saw resolved may still update it). */
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return (await manager.countBy(KbResolvedIncidentEntity, { id })) > 0;
  }

  /** How many resolved incidents name the article (by id or KB number) as the one that solved them. */
  async citationCount(article: { id: string; number: string }, manager?: EntityManager): Promise<number> {
    return (manager ?? this.dataSource.manager)
      .createQueryBuilder(KbResolvedIncidentEntity, 'i')
      .where('i.knowledge_article_id IN (:...refs)', { refs: [article.id, article.number] })
      .getCount();
  }
}
