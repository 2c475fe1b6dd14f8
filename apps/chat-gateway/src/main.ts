// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { runService } from '@draftdesk/platform';
import { ChatGatewayAppModule } from './chat-gateway-app.module';
import { chatGatewayConfigSchema, chatGatewayOptionsFromConfig, configureChatGatewayHttp } from '.';

runService(
  'chat-gateway',
  chatGatewayConfigSchema,
  (config) => ChatGatewayAppModule.forRoot(config, chatGatewayOptionsFromConfig(config)),
  // Signatures are checked over the raw body, and webhooks may be up to 256 KB.
  (app) => configureChatGatewayHttp(app),
);
