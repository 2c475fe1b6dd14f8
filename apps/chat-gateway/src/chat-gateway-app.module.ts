import { ServiceAppModule, ServiceConfig } from '@draftdesk/platform';
import { ChatGatewayOptions } from './chat-gateway.options';
import { ChatGatewayModule } from './chat-gateway.module';

/** The chat-gateway service: its feature module on the shared infrastructure. */
export const ChatGatewayAppModule = {
  forRoot: (config: ServiceConfig, options: ChatGatewayOptions) =>
    ServiceAppModule.of('chat-gateway', config, ChatGatewayModule.register(options)),
};
