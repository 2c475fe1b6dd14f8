import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { ReviewDataModule } from '../review-data.module';
import { ReviewConsumer } from './review.consumer';
import { ReviewService } from './review.service';
import { SupersedeService } from './supersede.service';

/** Drafts arriving from the drafter: filed into the queue, superseding older drafts of the conversation. */
@Module({
  imports: [LiveModule, ReviewDataModule],
  providers: [ReviewService, SupersedeService, ReviewConsumer],
})
export class IncomingDraftsModule {}
