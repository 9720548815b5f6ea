import { Module } from '@nestjs/common';
import { CiCoreModule } from '../cis/ci-core.module';
import { ImpactRepository } from './impact.repository';
import { ImpactService } from './impact.service';
import { RelationshipsController } from './relationships.controller';
import { RelationshipsRepository } from './relationships.repository';
import { RelationshipsService } from './relationships.service';

/** Relationships between CIs and impact analysis over them. */
@Module({
  imports: [CiCoreModule],
  controllers: [RelationshipsController],
  providers: [RelationshipsRepository, RelationshipsService, ImpactRepository, ImpactService],
  exports: [RelationshipsRepository, ImpactService],
})
export class RelationshipsModule {}
