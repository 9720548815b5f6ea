// Knowledge search: what the rest of the knowledge base service uses (see kb-contract: the article
// writer calls ArticleSearchIndexer in its transactions; app.module imports SearchModule and adds
// searchMigrations after its own).
export { SearchModule } from './search.module';
export { ArticleSearchIndexer } from './article-search.indexer';
export { ArticleSearchService, SearchCaller, SearchRequest, SuggestionRequest, SUGGESTION_COUNT } from './article-search.service';
export { SearchableArticle } from './searchable-article';
export { SearchResultDto, SuggestionsDto } from './dto/search-result.dto';
export { CreateKnowledgeSearchIndex1796000100000 } from './migrations/1796000100000-CreateKnowledgeSearchIndex';
