import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { ProblemLinksConsumer } from './problem-links.consumer';
import { ProblemLinksService } from './problem-links.service';

@Module({
  imports: [IncidentsModule],
  controllers: [ProblemLinksConsumer],
  providers: [ProblemLinksService],
  exports: [ProblemLinksService],
})
export class ProblemLinksModule {}
