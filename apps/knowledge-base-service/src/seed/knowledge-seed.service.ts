import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UNIQUE_VIOLATION } from '@helpdesk/database';
import { DataSource } from 'typeorm';
import { systemActor } from '../articles/article-actor';
import { ArticlesRepository } from '../articles/articles.repository';
import { ArticlesService } from '../articles/articles.service';
import { CategoriesService } from '../categories/categories.service';
import { KnowledgeConfig } from '../config/knowledge.config';
import { SEED_ARTICLES, SEED_CATEGORIES, SeedArticle } from './seed-articles';

export interface SeedResult {
  categoriesCreated: number;
  articlesCreated: number;
  articlesSkipped: number;
  failed: Array<{ key: string; error: string }>;
}

/** The seeder acts as an author who may also review, so its articles go draft → in review → published. */
export const SEED_ACTOR = systemActor('knowledge-base-service:seed', 'Knowledge base seed', ['knowledge_manager']);

type SeedCategory = (typeof SEED_CATEGORIES)[number];

/** Parents before children, whatever order the list is in (a code whose parent is missing comes last and fails loudly). */
export function categoriesInTreeOrder(categories: readonly SeedCategory[]): SeedCategory[] {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const depth = (c: SeedCategory, seen = new Set<string>()): number => {
    if (!c.parentCode || seen.has(c.code)) return 0;
    seen.add(c.code);
    const parent = byCode.get(c.parentCode);
    return parent ? 1 + depth(parent, seen) : Number.MAX_SAFE_INTEGER;
  };
  return [...categories].sort((a, b) => depth(a) - depth(b));
}

/** Originals before their translations, so a translation can link to the article it translates. */
export function articlesInSeedOrder(articles: readonly SeedArticle[]): SeedArticle[] {
  return [...articles].sort((a, b) => Number(!!a.translationOf) - Number(!!b.translationOf));
}

/**
 * Seeds the category tree and the starter articles when they are missing (SEED_REFERENCE_DATA). Each
 * article goes through the normal path (draft, review, publication: versions, events, the search
 * index) and is keyed by its seed key, so a second run, or a second replica, adds nothing.
 */
@Injectable()
export class KnowledgeSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(KnowledgeSeedService.name);

  constructor(
    private readonly config: KnowledgeConfig,
    private readonly dataSource: DataSource,
    private readonly categories: CategoriesService,
    private readonly articles: ArticlesRepository,
    private readonly articlesService: ArticlesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_REFERENCE_DATA) return;
    const result = await this.seed();
    if (result.categoriesCreated || result.articlesCreated) {
      this.logger.log(`Seeded ${result.categoriesCreated} categories and ${result.articlesCreated} articles`);
    }
    for (const f of result.failed) this.logger.error(`Seed article ${f.key} was not created: ${f.error}`);
  }

  async seed(articles: readonly SeedArticle[] = SEED_ARTICLES): Promise<SeedResult> {
    const result: SeedResult = { categoriesCreated: 0, articlesCreated: 0, articlesSkipped: 0, failed: [] };
    await this.dataSource.transaction(async (manager) => {
      for (const c of categoriesInTreeOrder(SEED_CATEGORIES)) {
        const parent = c.parentCode ? await this.categories.resolve(c.parentCode, manager) : null;
        if (c.parentCode && !parent) throw new Error(`Seed category ${c.code}: parent ${c.parentCode} is not a seed category`);
        const existed = await this.categories.resolve(c.code, manager);
        if (existed) continue;
        await this.categories.ensure(manager, {
          code: c.code,
          parentId: parent?.id ?? null,
          nameJa: c.nameJa,
          nameEn: c.nameEn,
          sortOrder: 0,
        });
        result.categoriesCreated++;
      }
    });
    for (const article of articlesInSeedOrder(articles)) {
      try {
        if (await this.seedArticle(article)) result.articlesCreated++;
        else result.articlesSkipped++;
      } catch (e) {
        // A unique violation: another replica seeded it first. Anything else is reported, and the rest still seeded.
        if ((e as { code?: string }).code === UNIQUE_VIOLATION) result.articlesSkipped++;
        else result.failed.push({ key: article.key, error: e instanceof Error ? e.message : String(e) });
      }
    }
    return result;
  }

  /** Creates, submits and publishes one seed article in one transaction; false when it exists. */
  private seedArticle(seed: SeedArticle): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (await this.articles.findBySource(manager, 'seed', seed.key)) return false;
      const original = seed.translationOf ? await this.articles.findBySource(manager, 'seed', seed.translationOf) : null;
      if (seed.translationOf && !original)
        this.logger.warn(`Seed article ${seed.key}: ${seed.translationOf} is not seeded; no translation link`);
      const at = new Date();
      let article = await this.articlesService.createDraft(
        manager,
        {
          title: seed.title,
          body: seed.body,
          language: seed.language,
          translationOf: original?.id ?? null,
          category: seed.categoryCode,
          tags: seed.tags,
          audience: seed.audience,
          source: { type: 'seed', id: seed.key, number: null },
          note: 'Starter article',
        },
        SEED_ACTOR,
        { at },
      );
      article = await this.articlesService.transition(manager, article, 'submit', SEED_ACTOR, at);
      await this.articlesService.transition(manager, article, 'publish', SEED_ACTOR, at);
      return true;
    });
  }
}
