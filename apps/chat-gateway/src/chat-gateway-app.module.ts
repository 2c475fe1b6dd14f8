import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { ChatGatewayOptions } from './chat-gateway.options';
import { ChatGatewayModule } from './chat-gateway.module';

@Module({})
export class ChatGatewayAppModule {
  static forRoot(config: ServiceConfig, options: ChatGatewayOptions): DynamicModule {
    return {
      module: ChatGatewayAppModule,
      imports: [InfrastructureModule.forService('chat-gateway', config), ChatGatewayModule.register(options)],
    };
  }
}
