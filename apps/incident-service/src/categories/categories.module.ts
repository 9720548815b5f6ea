import { Module } from '@nestjs/common';
import { CategoriesController } from './categories.controller';
import { CategoriesRepository } from './categories.repository';
import { CategoriesSeedService } from './categories-seed.service';
import { CategoriesService } from './categories.service';

/** Categories and subcategories of incidents (GET/POST /categories, PATCH /categories/{id}). */
@Module({
  controllers: [CategoriesController],
  providers: [CategoriesRepository, CategoriesService, CategoriesSeedService],
  exports: [CategoriesService],
})
export class CategoriesModule {}
