import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { CategoriesModule } from '../categories/categories.module';
import { KnowledgeSeedService } from './knowledge-seed.service';

@Module({
  imports: [ArticlesModule, CategoriesModule],
  providers: [KnowledgeSeedService],
  exports: [KnowledgeSeedService],
})
export class KnowledgeSeedModule {}
