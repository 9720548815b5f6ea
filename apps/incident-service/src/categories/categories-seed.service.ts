import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IncidentConfig } from '../config/incident.config';
import { CategoriesService } from './categories.service';

/** Seeds the default categories on start when the table is empty and SEED_REFERENCE_DATA is on. */
@Injectable()
export class CategoriesSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CategoriesSeedService.name);

  constructor(
    private readonly config: IncidentConfig,
    private readonly categories: CategoriesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_REFERENCE_DATA) return;
    const created = await this.categories.seedDefaults();
    if (created > 0) this.logger.log(`Seeded ${created} categories`);
  }
}
