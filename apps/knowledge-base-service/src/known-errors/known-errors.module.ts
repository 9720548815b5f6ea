import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { KnownErrorsConsumer } from './known-errors.consumer';
import { KnownErrorsService } from './known-errors.service';

@Module({
  imports: [ArticlesModule],
  controllers: [KnownErrorsConsumer],
  providers: [KnownErrorsService],
})
export class KnownErrorsModule {}
