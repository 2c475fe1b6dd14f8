// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { DrafterAppModule } from './drafter-app.module';
import { drafterConfigSchema, drafterOptionsFromConfig } from '.';

const service = 'drafter';
const config = loadConfigOrExit(service, drafterConfigSchema);
startService({
  service,
  module: DrafterAppModule.forRoot(config, drafterOptionsFromConfig(config)),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
