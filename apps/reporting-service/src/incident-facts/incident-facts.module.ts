import { Module } from '@nestjs/common';
import { IncidentFactsConsumer } from './incident-facts.consumer';
import { IncidentFactsProjection } from './incident-facts.projection';
import { IncidentFactsRepository } from './incident-facts.repository';

@Module({
  controllers: [IncidentFactsConsumer],
  providers: [IncidentFactsRepository, IncidentFactsProjection],
  exports: [IncidentFactsProjection],
})
export class IncidentFactsModule {}
