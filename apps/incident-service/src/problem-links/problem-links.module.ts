import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { IncidentProblemController } from './incident-problem.controller';
import { IncidentProblemService } from './incident-problem.service';
import { ProblemLinksConsumer } from './problem-links.consumer';
import { ProblemLinksService } from './problem-links.service';
import { ProblemRefsRepository } from './problem-refs.repository';
import { ProblemResolutionService } from './problem-resolution.service';

/** Incidents and problems: the local problem copy, links both ways, workarounds, and resolution by problem. */
@Module({
  imports: [IncidentsModule],
  controllers: [IncidentProblemController, ProblemLinksConsumer],
  providers: [ProblemRefsRepository, ProblemLinksService, ProblemResolutionService, IncidentProblemService],
  exports: [ProblemLinksService, ProblemRefsRepository],
})
export class ProblemLinksModule {}
