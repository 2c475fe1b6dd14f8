import type { HistoryConversation, HistoryCustomer } from '../../../conversations/src';
import type { OrderFacts, OrderHistory } from '@draftdesk/shop';

/** `chat:<channel>:<visitor>`: the address a chat customer is known by (not an address anyone can write to). */
const CHAT_ADDRESS = /^chat:([^:]+):(.+)$/;

export function customerView(c: HistoryCustomer) {
  const chat = CHAT_ADDRESS.exec(c.address);
  return {
    id: c.id,
    name: c.name,
    kind: chat ? ('chat' as const) : ('email' as const),
    // The UI says it in words (customerInWords); the email is the address one would write to.
    address: c.address,
    email: chat ? null : c.address,
    chat: chat ? { channel: chat[1], handle: chat[2] } : null,
    since: c.createdAt,
  };
}

export function conversationView(c: HistoryConversation, currentId: string | null) {
  return {
    id: c.id,
    subject: c.subject,
    firstLine: c.firstLine,
    status: c.status,
    channel: c.channel,
    mailbox: c.mailbox,
    createdAt: c.createdAt,
    lastActivityAt: c.lastActivityAt,
    messageCount: c.messageCount,
    current: c.id === currentId,
  };
}

/** What the panel shows of an order: no address, no invoice link. */
export function orderView(o: OrderFacts) {
  return {
    orderNumber: o.orderNumber,
    placedAt: o.placedAt,
    status: o.status,
    total: o.total,
    items: o.items,
    carrier: o.carrier ?? null,
    trackingNumber: o.trackingNumber ?? null,
    trackingUrl: o.trackingUrl ?? null,
    expectedDelivery: o.expectedDelivery ?? null,
  };
}

export function ordersView(history: OrderHistory, source: string) {
  return { source, items: history.orders.map(orderView), reason: history.reason ?? null };
}
