// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { runService } from '@draftdesk/platform';
import { DrafterAppModule } from './drafter-app.module';
import { drafterConfigSchema, drafterOptionsFromConfig } from '.';

runService('drafter', drafterConfigSchema, (config) =>
  DrafterAppModule.forRoot(config, drafterOptionsFromConfig(config)),
);
