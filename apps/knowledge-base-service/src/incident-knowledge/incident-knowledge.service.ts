import { HttpStatus, Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import { IncidentSnapshot, UUID_PATTERN } from '@helpdesk/contracts';
import { runInTransaction } from '@helpdesk/database';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf } from '../articles/article-actor';
import { ARTICLE_NUMBER_PATTERN } from '../articles/article-number';
import { ArticleErrorCode, ArticleException } from '../articles/article.exception';
import { ArticlesService } from '../articles/articles.service';
import { detectLanguage } from '../articles/domain/article-content';
import { ArticleDto } from '../articles/dto/article.dto';
import { articleTitle, incidentDraftBody } from '../articles/domain/draft-templates';
import { DraftFromIncidentDto } from './dto/draft-from-incident.dto';
import { KbResolvedIncidentEntity } from './entities/kb-resolved-incident.entity';
import { IncidentRef, ResolvedIncidentsRepository } from './resolved-incidents.repository';

const RESOLVED_STATES = ['resolved', 'closed'];
const INCIDENT_NUMBER = /^INC\d{7,}$/;

/** Knowledge from incident work: the local copy of resolved incidents and drafts started from them. */
@Injectable()
export class IncidentKnowledgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly incidents: ResolvedIncidentsRepository,
    private readonly articles: ArticlesService,
  ) {}

  /**
   * Keeps the copy of an incident once it is resolved (and follows it after: reopened, closed, a
   * changed article citation). Incidents never resolved are not kept: nothing here needs them.
   */
  async apply(manager: EntityManager, i: IncidentSnapshot): Promise<void> {
    if (!RESOLVED_STATES.includes(i.state) && !(await this.incidents.exists(manager, i.id))) return;
    const articleRef = normalizeArticleRef(i.knowledgeArticleId);
    await this.incidents.upsert(
      manager,
      Object.assign(new KbResolvedIncidentEntity(), {
        id: i.id,
        number: i.number,
        incidentVersion: i.version,
        state: i.state,
        shortDescription: i.shortDescription,
        description: i.description,
        resolutionCode: i.resolutionCode,
        resolutionNotes: i.resolutionNotes,
        category: i.category,
        subcategory: i.subcategory,
        ciId: i.ciId,
        knowledgeArticleId: articleRef,
        resolvedAt: i.resolvedAt ? new Date(i.resolvedAt) : null,
        updatedAt: new Date(i.updatedAt),
      }),
    );
  }

  /** A draft prefilled with the incident's short description, description and resolution notes. */
  async draftFromIncident(principal: Principal, ref: string, dto: DraftFromIncidentDto): Promise<ArticleDto> {
    const parsed = parseIncidentRef(ref);
    const incident = parsed ? await this.incidents.find(parsed) : null;
    if (!incident) {
      throw new ArticleException(
        HttpStatus.NOT_FOUND,
        ArticleErrorCode.IncidentNotFound,
        `Incident ${ref} is not known here as resolved (resolved incidents arrive from the incident service's events)`,
      );
    }
    if (!RESOLVED_STATES.includes(incident.state)) {
      throw ArticleException.conflict(
        ArticleErrorCode.IncidentNotResolved,
        'incidentId',
        `${incident.number} is ${incident.state}, not resolved`,
      );
    }
    const language = dto.language ?? detectLanguage(incident.shortDescription, incident.description, incident.resolutionNotes);
    const draft = await runInTransaction(this.dataSource, (manager) =>
      this.articles.createDraft(
        manager,
        {
          title: articleTitle(incident.shortDescription),
          body: incidentDraftBody(incident, language),
          language,
          category: dto.category ?? null,
          audience: dto.audience,
          relatedCiIds: incident.ciId ? [incident.ciId] : [],
          incidentCategories: [incident.category, incident.subcategory].filter((c): c is string => !!c),
          source: { type: 'incident', id: incident.id, number: incident.number },
          note: `Drafted from incident ${incident.number}`,
        },
        actorOf(principal),
        { checkLinks: false },
      ),
    );
    return this.articles.detail(draft, principal);
  }
}

/** The cited article as stored: a UUID in lower case, a KB number in upper case (how agents type it varies). */
function normalizeArticleRef(ref: string | null): string | null {
  const trimmed = ref?.trim();
  if (!trimmed) return null;
  if (UUID_PATTERN.test(trimmed)) return trimmed.toLowerCase();
  return ARTICLE_NUMBER_PATTERN.test(trimmed.toUpperCase()) ? trimmed.toUpperCase() : trimmed;
}

/** The incident's UUID or INC number; anything else cannot exist. */
function parseIncidentRef(ref: string): IncidentRef | null {
  if (UUID_PATTERN.test(ref)) return { id: ref.toLowerCase() };
  const upper = ref.toUpperCase();
  return INCIDENT_NUMBER.test(upper) ? { number: upper } : null;
}
