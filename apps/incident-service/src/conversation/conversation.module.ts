import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { ConversationController } from './conversation.controller';
import { ConversationService } from './conversation.service';

@Module({
  imports: [IncidentsModule, DirectoryModule],
  controllers: [ConversationController],
  providers: [ConversationService],
})
export class ConversationModule {}
