import { ServiceAppModule, ServiceConfig } from '@draftdesk/platform';
import { ReviewOptions } from './review.options';
import { ReviewModule } from './review.module';

/** The review service: its feature module on the shared infrastructure. */
export const ReviewAppModule = {
  // The review module serves the API documentation itself, so that the embedded mode has it too.
  forRoot: (config: ServiceConfig, options: ReviewOptions) =>
    ServiceAppModule.of('review', config, ReviewModule.register(options), { apiDocs: false }),
};
