import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MentionsController } from './mentions.controller';
import { MentionsRepository } from './mentions.repository';

/** @mentions in notes: a user's unread ones, marking them read, and whom a note may mention. */
@Module({
  imports: [AuthModule],
  controllers: [MentionsController],
  providers: [MentionsRepository],
})
export class MentionsModule {}
