// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { ChatGatewayAppModule } from './chat-gateway-app.module';
import { chatGatewayConfigSchema, chatGatewayOptionsFromConfig, configureChatGatewayHttp } from '.';

const service = 'chat-gateway';
const config = loadConfigOrExit(service, chatGatewayConfigSchema);
startService({
  service,
  module: ChatGatewayAppModule.forRoot(config, chatGatewayOptionsFromConfig(config)),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
  // Signatures are checked over the raw body, and webhooks may be up to 256 KB.
  configure: (app) => configureChatGatewayHttp(app),
}).catch(exitOnStartupFailure(service));
