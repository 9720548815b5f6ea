import { Module } from '@nestjs/common';
import { IdentityEventsPublisher } from './identity-events.publisher';

@Module({
  providers: [IdentityEventsPublisher],
  exports: [IdentityEventsPublisher],
})
export class IdentityEventsModule {}
