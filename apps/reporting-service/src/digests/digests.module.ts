import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { DigestsController } from './digests.controller';
import { WeeklyDigestScheduler } from './weekly-digest.scheduler';
import { WeeklyDigestsRepository } from './weekly-digests.repository';
import { WeeklyDigestsService } from './weekly-digests.service';

/** The weekly digest per group: scheduled and on demand (POST /reports/digests), listed and downloaded as CSV. */
@Module({
  imports: [ReportsModule],
  controllers: [DigestsController],
  providers: [WeeklyDigestsRepository, WeeklyDigestsService, WeeklyDigestScheduler],
})
export class DigestsModule {}
