// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { ConversationsAppModule } from './conversations-app.module';
import { conversationsConfigShape } from './conversations/conversations.options';

const service = 'conversations';
const config = loadConfigOrExit(service, { ...serviceConfigShape(3001), ...conversationsConfigShape });
startService({
  service,
  module: ConversationsAppModule.forRoot(config, { apiToken: config.REVIEW_API_TOKEN }),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
