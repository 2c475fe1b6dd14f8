import { Module } from '@nestjs/common';
import { ConversationsConsumer } from './conversations.consumer';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';

@Module({
  controllers: [ConversationsController],
  providers: [ConversationsService, ConversationsConsumer],
})
export class ConversationsModule {}
