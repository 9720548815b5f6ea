import { Module } from '@nestjs/common';
import { KnowledgeFactsConsumer } from './knowledge-facts.consumer';
import { KnowledgeFactsProjection } from './knowledge-facts.projection';

@Module({
  controllers: [KnowledgeFactsConsumer],
  providers: [KnowledgeFactsProjection],
  exports: [KnowledgeFactsProjection],
})
export class KnowledgeFactsModule {}
