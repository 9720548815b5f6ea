import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { HelpSessionsModule } from '../help-sessions/help-sessions.module';
import { DeflectionsController } from './deflections.controller';
import { DeflectionsRepository } from './deflections.repository';
import { DeflectionsService } from './deflections.service';

@Module({
  imports: [ArticlesModule, HelpSessionsModule],
  controllers: [DeflectionsController],
  providers: [DeflectionsRepository, DeflectionsService],
})
export class DeflectionsModule {}
