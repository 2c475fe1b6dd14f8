import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { ReviewDataModule } from '../review-data.module';
import { SlaSweeper } from './sla.sweeper';

/** Marks items whose response is overdue as breached. */
@Module({
  imports: [LiveModule, ReviewDataModule],
  providers: [SlaSweeper],
})
export class SlaModule {}
