import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { IncidentKnowledgeConsumer } from './incident-knowledge.consumer';
import { IncidentKnowledgeController } from './incident-knowledge.controller';
import { IncidentKnowledgeService } from './incident-knowledge.service';
import { ResolvedIncidentsModule } from './resolved-incidents.module';

@Module({
  imports: [ArticlesModule, ResolvedIncidentsModule],
  controllers: [IncidentKnowledgeController, IncidentKnowledgeConsumer],
  providers: [IncidentKnowledgeService],
})
export class IncidentKnowledgeModule {}
