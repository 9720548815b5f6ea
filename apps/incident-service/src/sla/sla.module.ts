import { Module } from '@nestjs/common';
import { IncidentSlaTracker } from '../incidents/ports/incident-sla-tracker.port';
import { CalendarsController } from './calendars.controller';
import { SlaAdminService } from './sla-admin.service';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaReferenceRepository } from './sla-reference.repository';
import { SlaReferenceService } from './sla-reference.service';
import { SlaTimersRepository } from './sla-timers.repository';
import { SlaTrackerService } from './sla-tracker.service';

/** SLA policies, business calendars and incident timers; IncidentsModule imports it for IncidentSlaTracker. */
@Module({
  controllers: [SlaPoliciesController, CalendarsController],
  providers: [
    SlaReferenceRepository,
    SlaTimersRepository,
    SlaReferenceService,
    SlaTrackerService,
    { provide: IncidentSlaTracker, useExisting: SlaTrackerService },
    SlaAdminService,
  ],
  exports: [IncidentSlaTracker, SlaTrackerService, SlaReferenceService],
})
export class SlaModule {}
