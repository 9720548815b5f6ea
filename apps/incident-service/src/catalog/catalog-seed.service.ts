import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { IncidentConfig } from '../config/incident.config';
import { CatalogRepository } from './catalog.repository';
import { DEFAULT_CATALOG_ITEMS } from './default-catalog-items.constant';
import { CatalogItemEntity } from './entities/catalog-item.entity';

/** Seeds the default catalog into an empty table when SEED_REFERENCE_DATA is on. */
@Injectable()
export class CatalogSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogSeedService.name);

  constructor(
    private readonly config: IncidentConfig,
    private readonly catalog: CatalogRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_REFERENCE_DATA) return;
    const now = new Date();
    const items = DEFAULT_CATALOG_ITEMS.map((seed, index) =>
      Object.assign(new CatalogItemEntity(), {
        id: uuidv7(),
        code: seed.code,
        nameJa: seed.nameJa,
        nameEn: seed.nameEn,
        descriptionJa: seed.descriptionJa,
        descriptionEn: seed.descriptionEn,
        category: seed.category,
        formSchema: seed.formSchema,
        approvalPolicy: seed.approvalPolicy,
        approvalGroupId: null,
        approvalGroupName: seed.approvalGroupName,
        fulfilmentGroupId: null,
        fulfilmentGroupName: seed.fulfilmentGroupName,
        taskTemplates: seed.taskTemplates,
        active: true,
        sortOrder: (index + 1) * 10,
        createdAt: now,
        updatedAt: now,
        version: 1,
      } satisfies CatalogItemEntity),
    );
    const inserted = await this.catalog.seedIfEmpty(items);
    if (inserted > 0) this.logger.log(`Seeded the request catalog with ${inserted} items`);
  }
}
