import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { ProblemsModule } from '../problems/problems.module';
import { ImportedProblemsService } from './imported-problems.service';
import { IncidentStreamConsumer } from './incident-stream.consumer';
import { IncidentStreamService } from './incident-stream.service';

@Module({
  imports: [ProblemsModule, CandidatesModule],
  controllers: [IncidentStreamConsumer],
  providers: [IncidentStreamService, ImportedProblemsService],
})
export class IncidentStreamModule {}
