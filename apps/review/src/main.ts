// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { join } from 'node:path';
import { ReviewAppModule } from './review-app.module';
import { reviewConfigSchema, reviewOptionsFromConfig } from '.';

const service = 'review';
const config = loadConfigOrExit(service, reviewConfigSchema);
startService({
  service,
  // The UI is built beside the compiled service: dist/apps/review/ui.
  module: ReviewAppModule.forRoot(config, reviewOptionsFromConfig(config, join(__dirname, '..', 'ui'))),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
