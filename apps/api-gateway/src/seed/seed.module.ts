import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { UsersModule } from '../users/users.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [UsersModule, GroupsModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
