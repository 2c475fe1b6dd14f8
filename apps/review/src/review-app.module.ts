import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { ReviewModule } from './drafts/review.module';

@Module({})
export class ReviewAppModule {
  static forRoot(config: ServiceConfig, options: { apiToken?: string }): DynamicModule {
    return { module: ReviewAppModule, imports: [InfrastructureModule.forService('review', config), ReviewModule.register(options)] };
  }
}
