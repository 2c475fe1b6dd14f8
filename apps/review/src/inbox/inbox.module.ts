import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveModule } from '../live/live.module';
import { ConversationStatesRepository } from './conversation-states.repository';
import { InboxController } from './inbox.controller';
import { InboxReadModel } from './inbox.read-model';
import { InboxService } from './inbox.service';

/** The inbox of conversations and the desk's decisions about whole conversations (conversation_states). */
@Module({
  imports: [AuthModule, LiveModule],
  controllers: [InboxController],
  providers: [InboxReadModel, ConversationStatesRepository, InboxService],
})
export class InboxModule {}
