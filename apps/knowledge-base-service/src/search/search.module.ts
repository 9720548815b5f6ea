import { Module } from '@nestjs/common';
import { textAnalyzerProvider } from '@helpdesk/text-analysis';
import { ArticleSearchIndexer } from './article-search.indexer';
import { ArticleSearchService } from './article-search.service';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchQueryPlanner } from './search-query.planner';

/** Knowledge search: the index (kept by the article writer through ArticleSearchIndexer), search and suggestions. */
@Module({
  controllers: [SearchController],
  providers: [textAnalyzerProvider, SearchRepository, SearchQueryPlanner, ArticleSearchIndexer, ArticleSearchService],
  exports: [ArticleSearchIndexer, ArticleSearchService],
})
export class SearchModule {}
