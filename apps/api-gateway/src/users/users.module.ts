import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RefreshTokensModule } from '../auth/refresh-tokens.module';
import { IdentityEventsModule } from '../identity-events/identity-events.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule, RefreshTokensModule, IdentityEventsModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService],
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}
