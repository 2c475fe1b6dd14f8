import { Module } from '@nestjs/common';
import { LiveChannelRepository } from './live-channel.repository';
import { LiveEventsService } from './live-events.service';

/** Live updates of the queue, for the audit stream and every replica's listeners. */
@Module({
  providers: [LiveChannelRepository, LiveEventsService],
  exports: [LiveEventsService],
})
export class LiveModule {}
