import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthHousekeepingService } from './auth-housekeeping.service';
import { AuthSessionsService } from './auth-sessions.service';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottleService } from './login-throttle.service';
import { MeController } from './me.controller';
import { RefreshTokensModule } from './refresh-tokens.module';

/** Sign-in, refresh, sign-out and /me (token verification itself comes from @helpdesk/auth). */
@Module({
  imports: [AuditModule, UsersModule, GroupsModule, RefreshTokensModule],
  controllers: [AuthController, MeController],
  providers: [AuthSessionsService, LoginFailuresRepository, LoginThrottleService, AuthHousekeepingService],
})
export class AuthSessionsModule {}
