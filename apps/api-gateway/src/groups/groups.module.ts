import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityEventsModule } from '../identity-events/identity-events.module';
import { UsersModule } from '../users/users.module';
import { GroupsController } from './groups.controller';
import { GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';

@Module({
  imports: [AuditModule, IdentityEventsModule, UsersModule],
  controllers: [GroupsController],
  providers: [GroupsRepository, GroupsService],
  exports: [GroupsService],
})
export class GroupsModule {}
