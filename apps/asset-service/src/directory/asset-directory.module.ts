import { Module } from '@nestjs/common';
import { AssetDirectoryConsumer } from './asset-directory.consumer';
import { AssetPeopleRepository } from './asset-people.repository';

/** The local copy of people (assignees, leavers), kept from identity.user.*. */
@Module({
  controllers: [AssetDirectoryConsumer],
  providers: [AssetPeopleRepository],
  exports: [AssetPeopleRepository],
})
export class AssetDirectoryModule {}
