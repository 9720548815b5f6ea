import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { FeedbackStoreModule } from '../feedback/feedback-store.module';
import { ResolvedIncidentsModule } from '../incident-knowledge/resolved-incidents.module';
import { SearchModule } from '../search';
import { ArticleEventsPublisher } from './article-events.publisher';
import { ArticleWriter } from './article-writer.service';
import { ArticlesController } from './articles.controller';
import { ArticlesRepository } from './articles.repository';
import { ArticlesService } from './articles.service';

@Module({
  imports: [CategoriesModule, FeedbackStoreModule, ResolvedIncidentsModule, SearchModule],
  controllers: [ArticlesController],
  providers: [ArticlesRepository, ArticleWriter, ArticleEventsPublisher, ArticlesService],
  exports: [ArticlesService, ArticlesRepository, ArticleEventsPublisher, SearchModule],
})
export class ArticlesModule {}
