import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveModule } from '../live/live.module';
import { ReviewDataModule } from '../review-data.module';
import { ActionsService } from './actions.service';
import { AuditController } from './audit.controller';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';
import { ScheduledSendWorker } from './scheduled-send.worker';

/** The review queue: filters, one item, every action an agent takes on it, the sending of delayed approvals, and the audit log. */
@Module({
  imports: [AuthModule, LiveModule, ReviewDataModule],
  controllers: [QueueController, AuditController],
  providers: [QueueService, ActionsService, ScheduledSendWorker],
})
export class QueueModule {}
