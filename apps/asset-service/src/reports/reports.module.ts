import { Module } from '@nestjs/common';
import { IncidentCopiesModule } from '../incident-copies/incident-copies.module';
import { AssetReportsController } from './asset-reports.controller';
import { AssetReportsRepository } from './asset-reports.repository';
import { AssetReportsService } from './asset-reports.service';

/** CMDB reports: warranties, distribution, idle stock, problematic CIs, leavers; JSON or CSV. */
@Module({
  imports: [IncidentCopiesModule],
  controllers: [AssetReportsController],
  providers: [AssetReportsRepository, AssetReportsService],
})
export class AssetReportsModule {}
