import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { SlaSweeper } from './sla.sweeper';

/** Marks items whose response is overdue as breached. */
@Module({
  imports: [LiveModule],
  providers: [SlaSweeper],
})
export class SlaModule {}
