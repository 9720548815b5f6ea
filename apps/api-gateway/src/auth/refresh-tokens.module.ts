import { Module } from '@nestjs/common';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** Refresh token storage, shared by sign-in and by user administration (which revokes on deactivation). */
@Module({
  providers: [RefreshTokensRepository],
  exports: [RefreshTokensRepository],
})
export class RefreshTokensModule {}
