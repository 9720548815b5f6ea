import { Module } from '@nestjs/common';
import { textAnalyzerProvider } from '@helpdesk/text-analysis';
import { ProblemDirectoryModule } from '../directory/problem-directory.module';
import { IncidentCopiesRepository } from '../incident-copies/incident-copies.repository';
import { ProblemLinkCommands } from '../links/problem-link.commands';
import { ProblemLinksController } from '../links/problem-links.controller';
import { ProblemLinksService } from '../links/problem-links.service';
import { ProblemOwnerResolver } from './problem-owner.resolver';
import { ProblemWriter } from './problem-writer.service';
import { ProblemsController } from './problems.controller';
import { ProblemsRepository } from './problems.repository';
import { ProblemsService } from './problems.service';

/** Problems and their links to incidents (one module: creating a problem may link, linking changes a problem). */
@Module({
  imports: [ProblemDirectoryModule],
  controllers: [ProblemsController, ProblemLinksController],
  providers: [
    textAnalyzerProvider,
    ProblemsRepository,
    ProblemWriter,
    ProblemOwnerResolver,
    ProblemsService,
    IncidentCopiesRepository,
    ProblemLinksService,
    ProblemLinkCommands,
  ],
  exports: [
    textAnalyzerProvider,
    ProblemsRepository,
    ProblemWriter,
    ProblemsService,
    ProblemOwnerResolver,
    IncidentCopiesRepository,
    ProblemLinksService,
  ],
})
export class ProblemsModule {}
