// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { runService } from '@draftdesk/platform';
import { join } from 'node:path';
import { ReviewAppModule } from './review-app.module';
import { reviewConfigSchema, reviewOptionsFromConfig } from '.';

// The UI is built beside the compiled service: dist/apps/review/ui.
runService('review', reviewConfigSchema, (config) =>
  ReviewAppModule.forRoot(config, reviewOptionsFromConfig(config, join(__dirname, '..', 'ui'))),
);
