import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IncidentConfig } from '../config/incident.config';
import { RoutingRulesService } from './routing-rules.service';

/** Seeds the default routing rules on start when the table is empty and SEED_REFERENCE_DATA is on. */
@Injectable()
export class RoutingRulesSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RoutingRulesSeedService.name);

  constructor(
    private readonly config: IncidentConfig,
    private readonly rules: RoutingRulesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_REFERENCE_DATA) return;
    const created = await this.rules.seedDefaults();
    if (created > 0) this.logger.log(`Seeded ${created} routing rules`);
  }
}
