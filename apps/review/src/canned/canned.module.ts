import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReviewDataModule } from '../review-data.module';
import { CannedRepliesController } from './canned-replies.controller';
import { CannedRepliesRepository } from './canned-replies.repository';
import { CannedRepliesService } from './canned-replies.service';

/** Canned replies per shop and language, and their placeholders filled in for a draft. */
@Module({
  imports: [AuthModule, ReviewDataModule],
  controllers: [CannedRepliesController],
  providers: [CannedRepliesRepository, CannedRepliesService],
})
export class CannedModule {}
