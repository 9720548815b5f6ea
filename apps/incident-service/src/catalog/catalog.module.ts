import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalog.repository';
import { CatalogSeedService } from './catalog-seed.service';
import { CatalogService } from './catalog.service';

/** The request catalog: items, their forms, approval policies and fulfilment tasks. */
@Module({
  controllers: [CatalogController],
  providers: [CatalogRepository, CatalogService, CatalogSeedService],
  exports: [CatalogService],
})
export class CatalogModule {}
