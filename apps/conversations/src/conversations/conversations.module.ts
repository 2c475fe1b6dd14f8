import { DynamicModule, Module } from '@nestjs/common';
import { ConversationDraftsReadModel } from '../../../review/src';
import { CONVERSATION_DRAFTS } from './conversation-drafts.token';
import { ConversationsConsumer } from './conversations.consumer';
import { ConversationsController } from './conversations.controller';
import { ConversationsRepository } from './conversations.repository';
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
        ConversationsRepository,
        { provide: CONVERSATION_DRAFTS, useClass: ConversationDraftsReadModel },
        ConversationsService,
        ConversationsConsumer,
        ConversationsTokenAuthenticator,
      ],
    };
  }
}
