// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { ChatGatewayAppModule } from './chat-gateway-app.module';
import { chatGatewayConfigShape, chatGatewayOptions } from './chat-gateway.options';
import { configureChatGatewayHttp } from './chat-gateway.module';

const service = 'chat-gateway';
const config = loadConfigOrExit(service, { ...serviceConfigShape(3002), ...chatGatewayConfigShape });
startService({
  service,
  module: ChatGatewayAppModule.forRoot(config, chatGatewayOptions(config)),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
  // Signatures are checked over the raw body, and webhooks may be up to 256 KB.
  configure: (app) => configureChatGatewayHttp(app),
}).catch(exitOnStartupFailure(service));
