import { Module } from '@nestjs/common';
import { HelpSessionsController } from './help-sessions.controller';
import { HelpSessionsRepository } from './help-sessions.repository';
import { HelpSessionsService } from './help-sessions.service';

@Module({
  controllers: [HelpSessionsController],
  providers: [HelpSessionsRepository, HelpSessionsService],
  // Deflections check that a session id is the caller's own.
  exports: [HelpSessionsRepository],
})
export class HelpSessionsModule {}
