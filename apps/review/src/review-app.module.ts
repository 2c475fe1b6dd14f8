import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { ReviewModule } from './review.module';
import { ReviewOptions } from './review.options';

@Module({})
export class ReviewAppModule {
  static forRoot(config: ServiceConfig, options: ReviewOptions): DynamicModule {
    return {
      module: ReviewAppModule,
      // The review module serves the API documentation itself, so that the embedded mode has it too.
      imports: [InfrastructureModule.forService('review', config, { apiDocs: false }), ReviewModule.register(options)],
    };
  }
}
