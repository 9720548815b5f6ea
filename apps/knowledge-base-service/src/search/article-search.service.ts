import { Inject, Injectable } from '@nestjs/common';
import { ArticleAudience, ArticleLanguage, Role } from '@helpdesk/contracts';
import { decodeCursor, encodeCursor, Page, RequestValidationException } from '@helpdesk/service-runtime';
import { TEXT_ANALYZER, TextAnalyzer } from '@helpdesk/text-analysis';
import { preferredLanguage } from './domain/preferred-language';
import { fieldQueries, QueryPlan } from './domain/query-plan';
import { compareRanked, freshness, helpfulness, matchesGroup, rankScore, relevance } from './domain/ranking';
import { visibleAudiences } from './domain/search-visibility';
import { chooseSnippetText, highlight, snippetHtml } from './domain/snippet';
import { DEFAULT_SEARCH_LIMIT } from './dto/search-query.dto';
import { SearchResultDto } from './dto/search-result.dto';
import { CandidateRow, SearchRepository } from './search.repository';
import { SearchQueryPlanner } from './search-query.planner';

/** Who is searching: enough of the principal to decide what they may find and which language they read. */
export interface SearchCaller {
  roles: readonly Role[];
  locale?: string;
}

export interface SearchRequest {
  q: string;
  lang?: ArticleLanguage;
  category?: string;
  audience?: ArticleAudience;
  limit?: number;
  cursor?: string;
}

export interface SuggestionRequest {
  text: string;
  lang?: ArticleLanguage;
}

/** Suggestions answer with this many articles. */
export const SUGGESTION_COUNT = 5;
// Candidates ranked exactly per search: pages reach this deep; suggestions need fewer.
const SEARCH_CANDIDATES = 100;
const SUGGESTION_CANDIDATES = 40;

interface RunOptions {
  language: ArticleLanguage | null;
  category?: string;
  audience?: ArticleAudience;
  offset: number;
  limit: number;
  candidates: number;
  now: Date;
  /** The text may end in an unfinished word. */
  typing: boolean;
}

/**
 * Search and suggestions over the published articles of the index: the planner turns the text into
 * weighted terms (analysed like the articles, misspellings corrected), candidates come from the GIN
 * indexes and are ranked here (relevance, then helpfulness and freshness), and the page gets highlighted
 * snippets.
 */
@Injectable()
export class ArticleSearchService {
  constructor(
    @Inject(TEXT_ANALYZER) private readonly analyzer: TextAnalyzer,
    private readonly planner: SearchQueryPlanner,
    private readonly repository: SearchRepository,
  ) {}

  async search(caller: SearchCaller, request: SearchRequest): Promise<Page<SearchResultDto>> {
    const cursor = decodeCursor(request.cursor, { offset: 'number', at: 'timestamp' });
    const offset = cursor?.offset ?? 0;
    const limit = request.limit ?? DEFAULT_SEARCH_LIMIT;
    if (!Number.isInteger(offset) || offset < 0 || offset >= SEARCH_CANDIDATES) {
      throw new RequestValidationException([{ field: 'cursor', reason: 'cursor must be a nextCursor returned by this search' }]);
    }
    const now = cursor ? new Date(cursor.at) : new Date();
    const { items, hasMore } = await this.run(caller, request.q, {
      language: request.lang ?? null,
      category: request.category,
      audience: request.audience,
      offset,
      limit,
      candidates: SEARCH_CANDIDATES,
      now,
      typing: false,
    });
    const next = offset + limit;
    return {
      items,
      nextCursor: hasMore && next < SEARCH_CANDIDATES ? encodeCursor({ offset: next, at: now.toISOString() }) : null,
    };
  }

  /** The five articles that best match what the reader is typing. */
  async suggest(caller: SearchCaller, request: SuggestionRequest): Promise<{ items: SearchResultDto[] }> {
    const { items } = await this.run(caller, request.text, {
      language: request.lang ?? null,
      offset: 0,
      limit: SUGGESTION_COUNT,
      candidates: SUGGESTION_CANDIDATES,
      now: new Date(),
      typing: true,
    });
    return { items };
  }

  private async run(
    caller: SearchCaller,
    text: string,
    options: RunOptions,
  ): Promise<{ items: SearchResultDto[]; hasMore: boolean }> {
    const none = { items: [], hasMore: false };
    const audiences = visibleAudiences(caller.roles, options.audience);
    if (audiences.length === 0) return none;
    const plan = await this.planner.plan(text, options.typing);
    if (plan.groups.length === 0) return none;
    const categoryIds = options.category ? await this.repository.categoryWithDescendants(options.category) : null;
    if (categoryIds && categoryIds.length === 0) return none;

    const filter = { audiences, language: options.language, categoryIds };
    const rows = await this.repository.candidates(
      plan.tiers,
      plan.anyQuery,
      fieldQueries(plan.groups),
      filter,
      options.candidates,
    );

    const preferred = options.language ?? preferredLanguage(text, caller.locale);
    const ranked = rows
      .map((row) => {
        const help = helpfulness(row.helpfulCount, row.notHelpfulCount);
        const score = rankScore({
          relevance: relevance(plan.groups, row.match),
          helpfulness: help,
          freshness: freshness(row.updatedAt, options.now),
          preferredLanguage: row.language === preferred,
        });
        return { id: row.articleId, score, helpfulness: help, updatedAt: row.updatedAt, row };
      })
      .sort(compareRanked);
    const page = ranked.slice(options.offset, options.offset + options.limit);
    const segments = await this.repository.segments(page.map((p) => p.id));
    const isMatch = (term: string) => plan.groups.some((g) => matchesGroup(g, term));
    const items = page.map(({ row, score }) => this.toResult(row, score, segments.get(row.articleId) ?? [], plan, isMatch));
    return { items, hasMore: ranked.length > options.offset + options.limit };
  }

  private toResult(
    row: CandidateRow,
    score: number,
    segments: Parameters<typeof chooseSnippetText>[0],
    plan: QueryPlan,
    isMatch: (term: string) => boolean,
  ): SearchResultDto {
    const chosen = chooseSnippetText(segments, plan.groups);
    const snippet = chosen ? snippetHtml(chosen, highlight(chosen.text, this.analyzer.tokens(chosen.text), isMatch)) : '';
    return {
      id: row.articleId,
      number: row.number,
      language: row.language,
      title: row.title,
      snippet,
      score: Math.round(score * 10_000) / 10_000,
      categoryId: row.categoryId,
      tags: row.tags,
      audience: row.audience,
      helpfulCount: row.helpfulCount,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
