import type { OrderHistory, OrderHistorySource } from '@draftdesk/shop';
import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { CustomerHistoryReadModel } from '../../../conversations/src';
import type { Actor } from '../auth/principal';
import { draftNotFound } from '../queue/review.exception';
import { CUSTOMER_HISTORY, CUSTOMER_ORDERS } from './customer-history.token';
import { conversationView, customerView, ordersView } from './customer-panel.view';
import { customerNotFound } from './customer.exception';
import { CustomerScopeRepository } from './customer-scope.repository';

/** The customer panel: who the customer is, every conversation of theirs this shop holds, and their orders. */
@Injectable()
export class CustomersService {
  private readonly log = createLogger(CustomersService.name);

  constructor(
    @Inject(CUSTOMER_HISTORY) private readonly history: CustomerHistoryReadModel,
    @Inject(CUSTOMER_ORDERS) private readonly orders: OrderHistorySource,
    private readonly scope: CustomerScopeRepository,
  ) {}

  async ofDraft(actor: Actor, draftId: string) {
    const conversationId = await this.scope.conversationOfDraft(draftId, actor.shopId);
    if (!conversationId) throw draftNotFound(draftId);
    const customerId = await this.history.customerOfConversation(conversationId);
    if (!customerId) throw draftNotFound(draftId);
    return this.panel(actor, customerId, conversationId);
  }

  async panel(actor: Actor, customerId: string, currentConversationId: string | null = null) {
    const customer = await this.history.customer(customerId);
    if (!customer) throw customerNotFound(customerId);
    const all = await this.history.conversationsOf(customerId);
    const visible = await this.scope.inShop(
      all.map((c) => c.id),
      actor.shopId,
    );
    const conversations = all.filter((c) => visible.has(c.id));
    if (conversations.length === 0) throw customerNotFound(customerId);
    const view = customerView(customer);
    return {
      customer: view,
      conversations: conversations.map((c) => conversationView(c, currentConversationId)),
      orders: ordersView(await this.ordersOf(view.email, customerId), this.orders.name),
    };
  }

  /** A chat visitor has no address an order could be placed with; a failing order API leaves the rest of the panel. */
  private async ordersOf(email: string | null, customerId: string): Promise<OrderHistory> {
    if (!email) return { orders: [], reason: 'no_order_reference' };
    try {
      return await this.orders.ordersOf(email);
    } catch (err) {
      this.log.warn({ err, customerId }, 'customer panel: order source failed');
      return { orders: [], reason: 'order_lookup_failed' };
    }
  }
}
