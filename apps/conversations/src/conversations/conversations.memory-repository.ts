import type { EntityManager } from 'typeorm';
import type {
  ConversationsRepository,
  Customer,
  HistoryTurn,
  NewConversation,
  NewInboundMessage,
  NewOutboundMessage,
} from './conversations.repository';

type StoredMessage = {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  channel: string;
  externalMessageId: string;
  newText: string;
  status: string | null;
  triage: unknown;
  occurredAt: string;
  createdAt: Date;
  sequence: number | null;
};

type StoredConversation = NewConversation & { lastSequence: number; updatedAt: Date };

/**
 * Customers, conversations and messages over maps and arrays, for unit specs of ConversationsService's decisions.
 * What the SQL does for one process; the SQL itself is covered by the integration tests on PostgreSQL.
 */
export class InMemoryConversationsRepository implements Omit<
  ConversationsRepository,
  'list' | 'findWithCustomer' | 'messagesOf'
> {
  readonly customers = new Map<string, Customer>();
  readonly conversations = new Map<string, StoredConversation>();
  readonly messages: StoredMessage[] = [];

  async upsertCustomer(_m: EntityManager, id: string, address: string, name: string): Promise<Customer> {
    const key = address.toLowerCase();
    const existing = this.customers.get(key);
    if (existing) {
      if (name) existing.name = name;
      return { ...existing };
    }
    const customer = { id, address: key, name };
    this.customers.set(key, customer);
    return { ...customer };
  }

  async findByChatSession(_m: EntityManager, chatSession: string) {
    return [...this.conversations.values()].find((c) => c.chatSession === chatSession)?.id ?? null;
  }

  async findByMessageIds(_m: EntityManager, externalMessageIds: string[]) {
    const found = this.messages
      .filter((msg) => externalMessageIds.includes(msg.externalMessageId))
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    return found[0]?.conversationId ?? null;
  }

  async findByToken(_m: EntityManager, tokens: string[], customerId: string) {
    return (
      [...this.conversations.values()].find((c) => tokens.includes(c.token) && c.customerId === customerId)?.id ?? null
    );
  }

  async insertConversation(_m: EntityManager, c: NewConversation) {
    this.conversations.set(c.id, { ...c, lastSequence: 0, updatedAt: new Date() });
  }

  async lockLastSequence(_m: EntityManager, conversationId: string) {
    return this.conversations.get(conversationId)!.lastSequence;
  }

  async insertInboundMessage(_m: EntityManager, msg: NewInboundMessage) {
    const duplicate = this.messages.some(
      (x) => x.channel === msg.channel && x.direction === 'inbound' && x.externalMessageId === msg.externalMessageId,
    );
    if (duplicate) return false;
    this.messages.push({
      id: msg.id,
      conversationId: msg.conversationId,
      direction: 'inbound',
      channel: msg.channel,
      externalMessageId: msg.externalMessageId,
      newText: msg.newText,
      status: null,
      triage: null,
      occurredAt: msg.receivedAt,
      createdAt: new Date(),
      sequence: msg.sequence,
    });
    return true;
  }

  async advance(_m: EntityManager, conversationId: string, sequence: number) {
    const c = this.conversations.get(conversationId)!;
    Object.assign(c, { lastSequence: sequence, updatedAt: new Date() });
    return c.token;
  }

  async failOutbound(_m: EntityManager, externalMessageIds: string[]) {
    const failed = this.messages.filter(
      (x) => x.direction === 'outbound' && externalMessageIds.includes(x.externalMessageId),
    );
    for (const x of failed) x.status = 'failed';
    return failed.map((x) => x.id);
  }

  async latestTurns(
    _m: EntityManager,
    conversationId: string,
    exceptMessageId: string,
    limit: number,
  ): Promise<HistoryTurn[]> {
    return this.messages
      .filter((x) => x.conversationId === conversationId && x.id !== exceptMessageId)
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit)
      .map((x) => ({ direction: x.direction, text: x.newText }));
  }

  async countRecentInboundEmails(_m: EntityManager, customerId: string) {
    const dayAgo = Date.now() - 24 * 3600_000;
    return this.messages.filter(
      (x) =>
        x.direction === 'inbound' &&
        x.channel === 'email' &&
        x.createdAt.getTime() > dayAgo &&
        this.conversations.get(x.conversationId)?.customerId === customerId,
    ).length;
  }

  async upsertOutboundMessage(_m: EntityManager, msg: NewOutboundMessage) {
    const { sent } = msg;
    const existing = this.messages.find(
      (x) => x.channel === sent.channel && x.direction === 'outbound' && x.externalMessageId === sent.messageId,
    );
    if (existing) existing.status = sent.status;
    else
      this.messages.push({
        id: msg.id,
        conversationId: msg.conversationId,
        direction: 'outbound',
        channel: sent.channel,
        externalMessageId: sent.messageId,
        newText: sent.body,
        status: sent.status,
        triage: null,
        occurredAt: sent.sentAt,
        createdAt: new Date(),
        sequence: null,
      });
    this.conversations.get(msg.conversationId)!.updatedAt = new Date();
  }

  async setTriage(_m: EntityManager, messageId: string, triage: unknown) {
    const msg = this.messages.find((x) => x.id === messageId);
    if (msg) msg.triage = triage;
  }
}
