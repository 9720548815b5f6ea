import { Injectable } from '@nestjs/common';
import { EventDefinition, KnowledgeArticleEventPayload } from '@helpdesk/contracts';
import { EntityManager } from 'typeorm';
import { ArticleSearchIndexer } from '../search';
import { ArticleActor } from './article-actor';
import { ArticleEventsPublisher } from './article-events.publisher';
import { toSearchableArticle } from './article-snapshot.mapper';
import { ArticlesRepository } from './articles.repository';
import { diffArticle } from './domain/article-diff';
import { ArticleFieldChange } from './entities/kb-article-version.entity';
import { KbArticleEntity } from './entities/kb-article.entity';

export type ArticleVersionAction = 'created' | 'edited' | 'submitted' | 'published' | 'rejected' | 'retired';

export interface ArticleEventSpec {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  event: EventDefinition<string, KnowledgeArticleEventPayload<any>>;
  detail: Record<string, unknown>;
}

export interface ArticleCommitOptions {
  action: ArticleVersionAction;
  actor: ArticleActor;
  at: Date;
  note?: string | null;
  events?: ArticleEventSpec[];
}

/** Fields compared for a version's `changes` (title and body also make the diff). */
const TRACKED_FIELDS = [
  'state',
  'title',
  'language',
  'translationOf',
  'categoryId',
  'tags',
  'audience',
  'relatedCiIds',
  'incidentCategories',
] as const satisfies readonly (keyof KbArticleEntity)[];

export function articleFieldChanges(before: KbArticleEntity | null, after: KbArticleEntity): ArticleFieldChange[] {
  if (!before) return [];
  const changes: ArticleFieldChange[] = [];
  for (const field of TRACKED_FIELDS) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes.push({ field, from: before[field], to: after[field] });
    }
  }
  // The body can be long: its change is named here and shown by the diff.
  if (before.body !== after.body) changes.push({ field: 'body', from: null, to: null });
  return changes;
}

/**
 * Writes one change of an article the same way everywhere (API, consumers, seeder): the row with a new
 * version, a version row with the full content and the diff, its events in the outbox, and the search
 * index kept to the published articles, all in the caller's transaction.
 */
@Injectable()
export class ArticleWriter {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly events: ArticleEventsPublisher,
    private readonly index: ArticleSearchIndexer,
  ) {}

  async commit(
    manager: EntityManager,
    before: KbArticleEntity | null,
    after: KbArticleEntity,
    options: ArticleCommitOptions,
  ): Promise<KbArticleEntity> {
    after.version = before ? before.version + 1 : 1;
    after.updatedAt = options.at;
    after.updatedById = options.actor.id;
    after.updatedByName = options.actor.name;
    if (before) await this.articles.update(manager, after);
    else {
      after.createdAt = options.at;
      await this.articles.insert(manager, after);
    }
    const diff = diffArticle(after.number, before, after, before?.version ?? 0, after.version);
    await this.articles.addVersion(manager, {
      articleId: after.id,
      version: after.version,
      action: options.action,
      state: after.state,
      authorId: options.actor.id,
      authorName: options.actor.name,
      authorRole: options.actor.event.role,
      at: options.at,
      language: after.language,
      translationOf: after.translationOf,
      title: after.title,
      body: after.body,
      categoryId: after.categoryId,
      tags: after.tags,
      audience: after.audience,
      relatedCiIds: after.relatedCiIds,
      incidentCategories: after.incidentCategories,
      changes: articleFieldChanges(before, after),
      diff: diff.patch,
      linesAdded: diff.linesAdded,
      linesRemoved: diff.linesRemoved,
      note: options.note ?? null,
    });
    for (const spec of options.events ?? []) {
      await this.events.append(manager, after, spec.event, spec.detail, options.actor.event);
    }
    // Only published articles are searchable: every change of one re-indexes it, leaving removes it.
    if (after.state === 'published') await this.index.upsert(manager, toSearchableArticle(after));
    else if (before?.state === 'published') await this.index.remove(manager, after.id);
    return after;
  }
}
