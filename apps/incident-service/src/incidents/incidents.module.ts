import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { DirectoryModule } from '../directory/directory.module';
import { RoutingModule } from '../routing/routing.module';
import { RoutingService } from '../routing/routing.service';
import { SlaModule } from '../sla/sla.module';
import { IncidentCategoryValidator } from './incident-category.validator';
import { IncidentEscalationService } from './incident-escalation.service';
import { IncidentSlaWatchService } from './incident-sla-watch.service';
import { IncidentSlaMetrics } from './incident-sla.metrics';
import { IncidentViewMapper } from './incident-view.mapper';
import { IncidentWriter } from './incident-writer.service';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';
import { IncidentRouter } from './ports/incident-router.port';

@Module({
  imports: [DirectoryModule, RoutingModule, SlaModule, CategoriesModule],
  controllers: [IncidentsController],
  providers: [
    IncidentsRepository,
    IncidentWriter,
    IncidentViewMapper,
    IncidentCategoryValidator,
    IncidentsService,
    IncidentEscalationService,
    IncidentSlaWatchService,
    IncidentSlaMetrics,
    { provide: IncidentRouter, useExisting: RoutingService },
  ],
  exports: [IncidentsService, IncidentsRepository, IncidentWriter, IncidentViewMapper, IncidentEscalationService],
})
export class IncidentsModule {}
