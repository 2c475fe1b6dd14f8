// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { MailSendAppModule } from './mail-send-app.module';
import { mailSendConfigSchema, mailSendOptionsFromConfig } from '.';

const service = 'mail-send';
const config = loadConfigOrExit(service, mailSendConfigSchema);
startService({
  service,
  // Replicas share the work: a worker's advisory lock tells the others when its in-flight replies are orphaned.
  module: MailSendAppModule.forRoot(config, { ...mailSendOptionsFromConfig(config), workerLock: true }),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
