// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { TriageAppModule } from './triage-app.module';
import { triageConfigSchema, triageOptionsFromConfig } from '.';

const service = 'triage';
const config = loadConfigOrExit(service, triageConfigSchema);
startService({
  service,
  module: TriageAppModule.forRoot(config, triageOptionsFromConfig(config)),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
