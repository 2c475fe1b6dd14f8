import { Module } from '@nestjs/common';
import { LiveEventsService } from './live-events.service';

/** Live updates of the queue, for the audit stream and every replica's listeners. */
@Module({
  providers: [LiveEventsService],
  exports: [LiveEventsService],
})
export class LiveModule {}
