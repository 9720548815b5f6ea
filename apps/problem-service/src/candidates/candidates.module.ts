import { Module } from '@nestjs/common';
import { ProblemDirectoryModule } from '../directory/problem-directory.module';
import { ProblemsModule } from '../problems/problems.module';
import { CandidatesController } from './candidates.controller';
import { CandidatesRepository } from './candidates.repository';
import { CandidatesService } from './candidates.service';

@Module({
  imports: [ProblemsModule, ProblemDirectoryModule],
  controllers: [CandidatesController],
  providers: [CandidatesRepository, CandidatesService],
  exports: [CandidatesService],
})
export class CandidatesModule {}
