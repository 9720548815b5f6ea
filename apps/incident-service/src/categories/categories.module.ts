import { Module } from '@nestjs/common';
import { CategoriesController } from './categories.controller';
import { CategoriesRepository } from './categories.repository';
import { CategoriesSeedService } from './categories-seed.service';
import { CategoriesService } from './categories.service';
import { CategoryFlagsCache } from './category-flags.cache';

/** Categories and subcategories of incidents (GET/POST /categories, PATCH /categories/{id}). */
@Module({
  controllers: [CategoriesController],
  providers: [CategoriesRepository, CategoriesService, CategoriesSeedService, CategoryFlagsCache],
  exports: [CategoriesService, CategoryFlagsCache],
})
export class CategoriesModule {}
