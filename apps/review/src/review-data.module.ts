import { Module } from '@nestjs/common';
import { CustomerThreadReadModel } from '../../conversations/src';
import { CUSTOMER_THREAD } from './customer-thread.token';
import { AuditLogRepository } from './drafts/audit-log.repository';
import { ReviewItemsRepository } from './drafts/review-items.repository';
import { ReviewRecordsRepository } from './queue/review-records.repository';
import { ShopsRepository } from './sla/shops.repository';

const STORES = [
  ReviewItemsRepository,
  AuditLogRepository,
  ReviewRecordsRepository,
  ShopsRepository,
  { provide: CUSTOMER_THREAD, useClass: CustomerThreadReadModel },
];

/** The review desk's tables (its repositories) and what it reads of the conversations (their read model). */
@Module({
  providers: STORES,
  exports: STORES,
})
export class ReviewDataModule {}
