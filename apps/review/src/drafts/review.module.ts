import { DynamicModule, Module } from '@nestjs/common';
import { ApiTokenGuard, REVIEW_API_TOKEN } from './api-token.guard';
import { DraftsController } from './drafts.controller';
import { ReviewConsumer } from './review.consumer';
import { ReviewService } from './review.service';

@Module({})
export class ReviewModule {
  static register(options: { apiToken?: string }): DynamicModule {
    return {
      module: ReviewModule,
      controllers: [DraftsController],
      providers: [{ provide: REVIEW_API_TOKEN, useValue: options.apiToken }, ApiTokenGuard, ReviewService, ReviewConsumer],
    };
  }
}
