import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { DirectoryModule } from '../directory/directory.module';
import { RoutingRulesController } from './routing-rules.controller';
import { RoutingRulesRepository } from './routing-rules.repository';
import { RoutingRulesSeedService } from './routing-rules-seed.service';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingService } from './routing.service';

/** Routing rules (GET/POST/PATCH/DELETE /routing-rules) and RoutingService, which the incidents module calls on create. */
@Module({
  imports: [DirectoryModule, CategoriesModule],
  controllers: [RoutingRulesController],
  providers: [RoutingRulesRepository, RoutingService, RoutingRulesService, RoutingRulesSeedService],
  exports: [RoutingService],
})
export class RoutingModule {}
