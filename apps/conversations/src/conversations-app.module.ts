import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { ConversationsModule } from './conversations/conversations.module';

@Module({})
export class ConversationsAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ConversationsAppModule,
      imports: [InfrastructureModule.forService('conversations', config), ConversationsModule],
    };
  }
}
