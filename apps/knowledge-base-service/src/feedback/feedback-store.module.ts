import { Module } from '@nestjs/common';
import { FeedbackRepository } from './feedback.repository';

/** kb_feedback access, shared by the feedback routes and the article view (the reader's own answer). */
@Module({ providers: [FeedbackRepository], exports: [FeedbackRepository] })
export class FeedbackStoreModule {}
