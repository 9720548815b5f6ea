import { Module } from '@nestjs/common';
import { ProblemDirectoryConsumer } from './problem-directory.consumer';
import { ProblemDirectoryRepository } from './problem-directory.repository';

@Module({
  controllers: [ProblemDirectoryConsumer],
  providers: [ProblemDirectoryRepository],
  exports: [ProblemDirectoryRepository],
})
export class ProblemDirectoryModule {}
