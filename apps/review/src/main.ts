import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { z } from 'zod';
import { ReviewAppModule } from './review-app.module';

const service = 'review';
const config = loadConfigOrExit(service, {
  ...serviceConfigShape(3006),
  REVIEW_API_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
});
startService({
  service,
  module: ReviewAppModule.forRoot(config, { apiToken: config.REVIEW_API_TOKEN }),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
