import { Module } from '@nestjs/common';
import { CiCoreModule } from '../cis/ci-core.module';
import { AssetIncidentsRepository } from './asset-incidents.repository';
import { CiIncidentsController } from './ci-incidents.controller';
import { CiIncidentsService } from './ci-incidents.service';
import { IncidentStreamConsumer } from './incident-stream.consumer';
import { ProblematicCiPolicy } from './problematic-ci.policy';

/** The local copy of incidents (incident.*): each CI's incident history and the problematic-CI rule. */
@Module({
  imports: [CiCoreModule],
  controllers: [IncidentStreamConsumer, CiIncidentsController],
  providers: [AssetIncidentsRepository, CiIncidentsService, ProblematicCiPolicy],
  exports: [AssetIncidentsRepository, ProblematicCiPolicy],
})
export class IncidentCopiesModule {}
