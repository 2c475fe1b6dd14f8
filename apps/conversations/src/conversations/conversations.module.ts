import { DynamicModule, Module } from '@nestjs/common';
import { ConversationsConsumer } from './conversations.consumer';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { CONVERSATIONS_OPTIONS, ConversationsOptions } from './conversations.options';
import { ConversationsTokenAuthenticator } from './conversations-token.authenticator';

@Module({})
export class ConversationsModule {
  static register(options: ConversationsOptions): DynamicModule {
    return {
      module: ConversationsModule,
      controllers: [ConversationsController],
      providers: [
        { provide: CONVERSATIONS_OPTIONS, useValue: options },
        ConversationsService,
        ConversationsConsumer,
        ConversationsTokenAuthenticator,
      ],
    };
  }
}
