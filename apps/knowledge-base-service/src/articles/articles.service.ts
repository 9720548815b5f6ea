import { Injectable } from '@nestjs/common';
import { Principal } from '@helpdesk/auth';
import {
  ArticleAudience,
  ArticleLanguage,
  ArticleSourceType,
  KnowledgeArticlePublished,
  KnowledgeArticleRetired,
  KnowledgeArticleViewed,
} from '@helpdesk/contracts';
import { runInTransaction } from '@helpdesk/database';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '@helpdesk/service-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CategoriesService } from '../categories/categories.service';
import { FeedbackRepository } from '../feedback/feedback.repository';
import { ResolvedIncidentsRepository } from '../incident-knowledge/resolved-incidents.repository';
import { findUnsafeLinks } from '../markdown/markdown-renderer';
import { ArticleActor, actorOf } from './article-actor';
import { ArticleEventsPublisher } from './article-events.publisher';
import { nextArticleNumber, parseArticleRef } from './article-number';
import { toArticleDto, toArticleSummaryDto, toVersionDto, toVersionSummaryDto } from './article-view.mapper';
import { ArticleEventSpec, articleFieldChanges, ArticleVersionAction, ArticleWriter } from './article-writer.service';
import { ArticleErrorCode, ArticleException } from './article.exception';
import { ArticlesRepository } from './articles.repository';
import { ArticleViewer, canViewArticle, visibleScope } from './domain/article-access.policy';
import { normalizeIdentifiers, normalizeTags } from './domain/article-content';
import { ArticleTransition, decideArticleAction } from './domain/article-lifecycle';
import { isStaff } from './domain/article-roles';
import { ArticleDto, ArticleSummaryDto, ArticleVersionDto, ArticleVersionSummaryDto } from './dto/article.dto';
import { GetArticleQueryDto } from './dto/get-article.query.dto';
import { ListArticlesQueryDto } from './dto/list-articles.query.dto';
import { UpdateArticleDto } from './dto/update-article.dto';
import { KbArticleEntity } from './entities/kb-article.entity';

/** What a new draft is made of, whoever starts it (an author, an incident, a known error, the seeder). */
export interface ArticleDraftInput {
  title: string;
  body: string;
  language: ArticleLanguage;
  /** UUID or KB number of the article this one translates. */
  translationOf?: string | null;
  /** Category UUID or code. */
  category?: string | null;
  tags?: string[];
  audience?: ArticleAudience;
  relatedCiIds?: string[];
  incidentCategories?: string[];
  source?: { type: ArticleSourceType; id: string | null; number: string | null };
  note?: string | null;
}

export interface DraftOptions {
  /**
   * Refuse a body with links the renderer would drop (400 on body). On for what people type; off for
   * drafts generated from incidents and known errors, whose text is rendered safely all the same.
   */
  checkLinks?: boolean;
  at?: Date;
}

const VERSION_ACTION: Record<ArticleTransition, ArticleVersionAction> = {
  submit: 'submitted',
  publish: 'published',
  reject: 'rejected',
  retire: 'retired',
};

/** Unique indexes whose violation (a lost race) is the client's 409. */
const UNIQUE_VIOLATIONS = {
  kb_article_translation_language: () =>
    ArticleException.conflict(ArticleErrorCode.TranslationExists, 'language', 'is already taken in this translation group'),
};

/** Articles: drafts, edits as versions, the review lifecycle, reading (with view counts), lists and history. */
@Injectable()
export class ArticlesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticlesRepository,
    private readonly writer: ArticleWriter,
    private readonly events: ArticleEventsPublisher,
    private readonly categories: CategoriesService,
    private readonly feedback: FeedbackRepository,
    private readonly incidents: ResolvedIncidentsRepository,
  ) {}

  async create(principal: Principal, input: ArticleDraftInput): Promise<ArticleDto> {
    const created = await runInTransaction(
      this.dataSource,
      (m) => this.createDraft(m, input, actorOf(principal)),
      UNIQUE_VIOLATIONS,
    );
    return this.detail(created, principal);
  }

  /** Inserts a draft (version 1) in the caller's transaction; references are checked as for an edit. */
  async createDraft(
    manager: EntityManager,
    input: ArticleDraftInput,
    actor: ArticleActor,
    options: DraftOptions = {},
  ): Promise<KbArticleEntity> {
    if (options.checkLinks !== false) assertSafeBody(input.body);
    const categoryId = await this.categoryIdOf(manager, input.category ?? null);
    const translationOf = input.translationOf
      ? await this.translationRoot(manager, input.translationOf, input.language, null)
      : null;
    const article = Object.assign(new KbArticleEntity(), {
      id: randomUUID(),
      number: await nextArticleNumber(manager),
      state: 'draft',
      language: input.language,
      translationOf,
      title: input.title.trim(),
      body: input.body,
      categoryId,
      tags: normalizeTags(input.tags ?? []),
      audience: input.audience ?? 'it_staff',
      relatedCiIds: normalizeIdentifiers(input.relatedCiIds ?? []),
      incidentCategories: normalizeIdentifiers(input.incidentCategories ?? []),
      sourceType: input.source?.type ?? 'manual',
      sourceId: input.source?.id ?? null,
      sourceNumber: input.source?.number ?? null,
      authorId: actor.id,
      authorName: actor.name,
      submittedAt: null,
      submittedById: null,
      reviewNote: null,
      reviewedById: null,
      firstPublishedAt: null,
      publishedAt: null,
      publishedById: null,
      retiredAt: null,
      retiredById: null,
      retireReason: null,
      viewCount: 0,
      helpfulCount: 0,
      notHelpfulCount: 0,
      deflectionCount: 0,
    } satisfies Partial<KbArticleEntity>) as KbArticleEntity;
    return this.writer.commit(manager, null, article, {
      action: 'created',
      actor,
      at: options.at ?? new Date(),
      note: input.note ?? null,
    });
  }

  /** One article; reading a published one counts a view (knowledge.article-viewed). */
  async get(principal: Principal, ref: string, query: GetArticleQueryDto = {}): Promise<ArticleDto> {
    const article = await this.findVisible(principal, ref);
    if (article.state === 'published') {
      await this.dataSource.transaction(async (manager) => {
        article.viewCount = await this.articles.addView(manager, article.id);
        const detail = {
          viewerId: principal.id,
          viewerIsStaff: isStaff(principal.roles),
          source: query.source ?? null,
          sessionId: query.session ?? null,
        };
        await this.events.append(manager, article, KnowledgeArticleViewed, detail, actorOf(principal).event);
      });
    }
    return this.detail(article, principal);
  }

  async list(principal: Principal, query: ListArticlesQueryDto): Promise<Page<ArticleSummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, { at: 'timestamp', id: 'uuid' });
    const scope = visibleScope(principal);
    const states = query.state ? (scope.states ?? [query.state]).filter((s) => s === query.state) : scope.states;
    const audiences = query.audience
      ? (scope.audiences ?? [query.audience]).filter((a) => a === query.audience)
      : scope.audiences;
    let categoryId: string | undefined;
    if (query.category) {
      const category = await this.categories.resolve(query.category);
      if (!category)
        throw ArticleException.badField(ArticleErrorCode.UnknownCategory, 'category', 'is not a category (id or code)');
      categoryId = category.id;
    }
    const rows =
      states?.length === 0 || audiences?.length === 0
        ? []
        : await this.articles.list(
            {
              states,
              audiences,
              languages: query.lang ? [query.lang] : undefined,
              categoryId,
              tag: query.tag ? normalizeTags([query.tag])[0] : undefined,
              authorId: query.author === 'me' ? principal.id : query.author,
              sourceType: query.source,
            },
            cursor,
            limit,
          );
    const categories = new Map((await this.categories.all()).map((c) => [c.id, c]));
    return toPage(
      rows,
      limit,
      (a) => ({ at: a.updatedAt.toISOString(), id: a.id }),
      (a) => toArticleSummaryDto(a, a.categoryId ? (categories.get(a.categoryId) ?? null) : null, principal),
    );
  }

  /** An edit: a new version with the diff; a published article stays published and is re-indexed. */
  async update(principal: Principal, ref: string, dto: UpdateArticleDto, expected: number | undefined): Promise<ArticleDto> {
    const actor = actorOf(principal);
    const saved = await runInTransaction(
      this.dataSource,
      async (manager) => {
        const current = await this.lockVisible(manager, principal, ref, expected);
        const decision = decideArticleAction(current.state, 'edit', actor.roles);
        if (!decision.ok) throw refusal(decision, current.state);
        const next = await this.applyEdit(manager, current, dto);
        // An edit that changes nothing is no version.
        if (articleFieldChanges(current, next).length === 0) return current;
        return this.writer.commit(manager, current, next, { action: 'edited', actor, at: new Date(), note: dto.note ?? null });
      },
      UNIQUE_VIOLATIONS,
    );
    return this.detail(saved, principal);
  }

  /** submit / publish / reject / retire through the API. */
  async act(
    principal: Principal,
    ref: string,
    action: ArticleTransition,
    expected: number | undefined,
    text: { note?: string; reason?: string },
  ): Promise<ArticleDto> {
    const saved = await runInTransaction(
      this.dataSource,
      async (manager) => {
        const current = await this.lockVisible(manager, principal, ref, expected);
        return this.transition(manager, current, action, actorOf(principal), new Date(), text);
      },
      UNIQUE_VIOLATIONS,
    );
    return this.detail(saved, principal);
  }

  /** One lifecycle step in the caller's transaction (also the seeder's path to publication). */
  async transition(
    manager: EntityManager,
    current: KbArticleEntity,
    action: ArticleTransition,
    actor: ArticleActor,
    at: Date,
    text: { note?: string; reason?: string } = {},
  ): Promise<KbArticleEntity> {
    const decision = decideArticleAction(current.state, action, actor.roles);
    if (!decision.ok) throw refusal(decision, current.state);
    const next = Object.assign(new KbArticleEntity(), current, { state: decision.to });
    const events: ArticleEventSpec[] = [];
    if (action === 'submit') {
      next.submittedAt = at;
      next.submittedById = actor.id;
    } else if (action === 'publish') {
      next.publishedAt = at;
      next.publishedById = actor.id;
      next.firstPublishedAt = current.firstPublishedAt ?? at;
      next.reviewedById = actor.id;
      next.reviewNote = null;
      events.push({
        event: KnowledgeArticlePublished,
        detail: { firstPublication: current.firstPublishedAt === null, publishedById: actor.id },
      });
    } else if (action === 'reject') {
      next.reviewedById = actor.id;
      next.reviewNote = text.reason ?? null;
    } else {
      next.retiredAt = at;
      next.retiredById = actor.id;
      next.retireReason = text.reason ?? null;
      events.push({ event: KnowledgeArticleRetired, detail: { reason: next.retireReason } });
    }
    return this.writer.commit(manager, current, next, {
      action: VERSION_ACTION[action],
      actor,
      at,
      note: text.reason ?? text.note ?? null,
      events,
    });
  }

  async versions(
    principal: Principal,
    ref: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<ArticleVersionSummaryDto>> {
    const article = await this.findVisible(principal, ref);
    const after = decodeCursor(cursor, { v: 'number' });
    const rows = await this.articles.versions(article.id, after?.v ?? null, limit);
    return toPage(rows, limit, (v) => ({ v: v.version }), toVersionSummaryDto);
  }

  async version(principal: Principal, ref: string, version: number): Promise<ArticleVersionDto> {
    const article = await this.findVisible(principal, ref);
    const row = await this.articles.version(article.id, version);
    if (!row) {
      throw new ArticleException(404, ArticleErrorCode.VersionNotFound, `Article ${article.number} has no version ${version}`);
    }
    return toVersionDto(row);
  }

  /** The article if the viewer may see it; otherwise 404, as if it did not exist. */
  async findVisible(viewer: ArticleViewer, ref: string, manager?: EntityManager): Promise<KbArticleEntity> {
    const parsed = parseArticleRef(ref);
    const article = parsed ? await this.articles.find(parsed, manager) : null;
    if (!article || !canViewArticle(viewer, article)) throw ArticleException.notFound(ref);
    return article;
  }

  /** findVisible with the row locked for the transaction and the optimistic version checked. */
  async lockVisible(manager: EntityManager, viewer: ArticleViewer, ref: string, expected?: number): Promise<KbArticleEntity> {
    const parsed = parseArticleRef(ref);
    const article = parsed ? await this.articles.findForUpdate(manager, parsed) : null;
    if (!article || !canViewArticle(viewer, article)) throw ArticleException.notFound(ref);
    if (expected !== undefined && expected !== article.version) throw ArticleException.staleVersion(expected, article.version);
    return article;
  }

  /** The full DTO of an article for this viewer. */
  async detail(article: KbArticleEntity, viewer: Principal): Promise<ArticleDto> {
    const root = article.translationOf ?? article.id;
    const category = article.categoryId ? await this.categories.findById(article.categoryId) : null;
    const translationGroup = await this.articles.translationGroup(root);
    const citedByIncidentCount = await this.incidents.citationCount(article);
    const mine = await this.feedback.findOne(article.id, viewer.id);
    return toArticleDto(
      article,
      {
        category,
        translationGroup,
        citedByIncidentCount,
        myFeedback: mine ? { helpful: mine.helpful, comment: mine.comment } : null,
      },
      viewer,
    );
  }

  private async applyEdit(manager: EntityManager, current: KbArticleEntity, dto: UpdateArticleDto): Promise<KbArticleEntity> {
    const next = Object.assign(new KbArticleEntity(), current);
    if (dto.title !== undefined) next.title = dto.title.trim();
    if (dto.body !== undefined) {
      assertSafeBody(dto.body);
      next.body = dto.body;
    }
    if (dto.language !== undefined) next.language = dto.language;
    if (dto.category !== undefined) next.categoryId = await this.categoryIdOf(manager, dto.category);
    if (dto.tags !== undefined) next.tags = normalizeTags(dto.tags);
    if (dto.audience !== undefined) next.audience = dto.audience;
    if (dto.relatedCiIds !== undefined) next.relatedCiIds = normalizeIdentifiers(dto.relatedCiIds);
    if (dto.incidentCategories !== undefined) next.incidentCategories = normalizeIdentifiers(dto.incidentCategories);
    if (dto.translationOf !== undefined) {
      next.translationOf =
        dto.translationOf === null ? null : await this.translationRoot(manager, dto.translationOf, next.language, current.id);
    } else if (next.language !== current.language) {
      await this.assertLanguageFree(manager, next.translationOf ?? next.id, next.language, next.id);
    }
    return next;
  }

  private async categoryIdOf(manager: EntityManager, ref: string | null): Promise<string | null> {
    if (ref === null) return null;
    const category = await this.categories.resolve(ref, manager);
    if (!category)
      throw ArticleException.badField(ArticleErrorCode.UnknownCategory, 'category', 'is not a category (id or code)');
    return category.id;
  }

  /**
   * The original of the translation group that `ref` belongs to, checked: it exists, it is not this
   * article, this article has no translations of its own, and no live article in the group has the language.
   */
  private async translationRoot(
    manager: EntityManager,
    ref: string,
    language: ArticleLanguage,
    selfId: string | null,
  ): Promise<string> {
    const parsed = parseArticleRef(ref);
    const target = parsed ? await this.articles.find(parsed, manager) : null;
    if (!target)
      throw ArticleException.badField(
        ArticleErrorCode.UnknownTranslation,
        'translationOf',
        'is not an article (id or KB number)',
      );
    const root = target.translationOf ?? target.id;
    if (selfId !== null && root === selfId) {
      throw ArticleException.badField(
        ArticleErrorCode.UnknownTranslation,
        'translationOf',
        'must be another article, not this one or its own translation',
      );
    }
    if (selfId !== null && (await this.articles.hasTranslations(selfId, manager))) {
      throw ArticleException.conflict(
        ArticleErrorCode.TranslationExists,
        'translationOf',
        'cannot be set on an article that has translations of its own (it is their original)',
      );
    }
    await this.assertLanguageFree(manager, root, language, selfId);
    return root;
  }

  private async assertLanguageFree(manager: EntityManager, root: string, language: ArticleLanguage, selfId: string | null) {
    const taken = (await this.articles.translationGroup(root, manager)).find(
      (a) => a.id !== selfId && a.language === language && a.state !== 'retired',
    );
    if (taken) {
      throw ArticleException.conflict(
        ArticleErrorCode.TranslationExists,
        'language',
        `${language} is already ${taken.number} in this translation group`,
      );
    }
  }
}

function assertSafeBody(body: string): void {
  const unsafe = findUnsafeLinks(body);
  if (unsafe.length > 0) {
    const list = unsafe.map((u) => `${u.kind} ${u.url.slice(0, 60)}`).join(', ');
    throw ArticleException.badField(
      ArticleErrorCode.InvalidField,
      'body',
      `links must be http(s), mailto or relative and images http(s) or relative; refused: ${list}`,
    );
  }
}

function refusal(decision: Exclude<ReturnType<typeof decideArticleAction>, { ok: true }>, state: string): ArticleException {
  return decision.reason === 'illegal'
    ? ArticleException.illegalTransition(decision.message, state, decision.allowed)
    : ArticleException.forbidden(decision.message);
}
