import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module';
import { KnownErrorsController } from './known-errors.controller';
import { KnownErrorsService } from './known-errors.service';

@Module({
  imports: [ProblemsModule],
  controllers: [KnownErrorsController],
  providers: [KnownErrorsService],
})
export class KnownErrorsModule {}
