// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { join } from 'node:path';
import { ReviewAppModule } from './review-app.module';
import { reviewConfigShape, reviewOptionsFromConfig } from './review.options';

const service = 'review';
const config = loadConfigOrExit(service, { ...serviceConfigShape(3006), ...reviewConfigShape });
startService({
  service,
  // The UI is built beside the compiled service: dist/apps/review/ui.
  module: ReviewAppModule.forRoot(config, reviewOptionsFromConfig(config, join(__dirname, '..', 'ui'))),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
