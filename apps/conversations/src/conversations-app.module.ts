import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { ConversationsModule } from './conversations/conversations.module';
import { ConversationsOptions } from './conversations/conversations.options';

@Module({})
export class ConversationsAppModule {
  static forRoot(config: ServiceConfig, options: ConversationsOptions): DynamicModule {
    return {
      module: ConversationsAppModule,
      imports: [InfrastructureModule.forService('conversations', config), ConversationsModule.register(options)],
    };
  }
}
