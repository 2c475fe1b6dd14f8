import { buildOrderConnector, loadSampleShop, withDemoOrdersDatedToday } from '@draftdesk/shop';
import { Module } from '@nestjs/common';
import { CustomerHistoryReadModel } from '../../../conversations/src';
import { AuthModule } from '../auth/auth.module';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { CUSTOMER_HISTORY, CUSTOMER_ORDERS } from './customer-history.token';
import { CustomerScopeRepository } from './customer-scope.repository';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';

/** The orders the drafter sees: the same source, the shop folder's orders.json when that is the source. */
function customerOrders(options: ReviewOptions) {
  const fileOrders =
    !options.orders || options.orders.kind === 'file'
      ? withDemoOrdersDatedToday(loadSampleShop(options.shopDir), new Date()).orders
      : [];
  return buildOrderConnector(options.orders, fileOrders);
}

/** The customer panel: a customer, their conversations and their orders. */
@Module({
  imports: [AuthModule],
  controllers: [CustomersController],
  providers: [
    CustomersService,
    CustomerScopeRepository,
    { provide: CUSTOMER_HISTORY, useClass: CustomerHistoryReadModel },
    { provide: CUSTOMER_ORDERS, useFactory: customerOrders, inject: [REVIEW_OPTIONS] },
  ],
})
export class CustomersModule {}
