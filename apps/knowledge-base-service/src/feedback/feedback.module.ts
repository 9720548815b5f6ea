import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { FeedbackStoreModule } from './feedback-store.module';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';

@Module({
  imports: [ArticlesModule, FeedbackStoreModule],
  controllers: [FeedbackController],
  providers: [FeedbackService],
})
export class FeedbackModule {}
