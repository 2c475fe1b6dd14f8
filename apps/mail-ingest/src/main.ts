// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { MailIngestAppModule } from './mail-ingest-app.module';
import { mailIngestConfigSchema, mailIngestOptionsFromConfig } from '.';

const service = 'mail-ingest';
const config = loadConfigOrExit(service, mailIngestConfigSchema);
startService({
  service,
  module: MailIngestAppModule.forRoot(config, mailIngestOptionsFromConfig(config)),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
