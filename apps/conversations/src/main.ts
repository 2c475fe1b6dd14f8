// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { ConversationsAppModule } from './conversations-app.module';
import { conversationsConfigSchema, conversationsOptionsFromConfig } from '.';

const service = 'conversations';
const config = loadConfigOrExit(service, conversationsConfigSchema);
startService({
  service,
  module: ConversationsAppModule.forRoot(config, conversationsOptionsFromConfig(config)),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
