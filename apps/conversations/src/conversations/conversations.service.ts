import { InboundPayload, MessageAddedPayload, ReplySentPayload, Triage } from '@draftdesk/contracts';
import { conversationTokenFromAddress, conversationTokenFromSubject, normalizeSubject } from '@draftdesk/mail';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { ConversationDraftsReadModel } from '../../../review/src';
import { CONVERSATION_DRAFTS } from './conversation-drafts.token';
import { ConversationsRepository } from './conversations.repository';

const HISTORY_TURNS = 10;
const MAX_REFERENCES = 20;

export interface StoredInbound {
  conversationId: string;
  message: MessageAddedPayload;
  /** Set when the message is a bounce of our own reply: that reply is now marked failed, and nobody drafts. */
  bouncedReplyIds?: string[];
}

/** Opaque and unguessable: it appears in reply addresses and subjects as a threading fallback. */
function newToken(): string {
  return randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();
}

@Injectable()
export class ConversationsService {
  constructor(
    private readonly conversations: ConversationsRepository,
    @Inject(CONVERSATION_DRAFTS) private readonly drafts: ConversationDraftsReadModel,
  ) {}

  /**
   * Stores an inbound message in its conversation, opening one when it starts a new thread. Returns null when the
   * same message was stored before (a re-import or a second delivery), so nothing downstream runs twice.
   */
  async storeInbound(m: EntityManager, inbound: InboundPayload): Promise<StoredInbound | null> {
    const customer = await this.conversations.upsertCustomer(
      m,
      randomUUID(),
      inbound.from.address,
      inbound.from.name ?? '',
    );
    const conversationId =
      (await this.findConversation(m, inbound, customer.id)) ?? (await this.openConversation(m, inbound, customer.id));
    // Held until commit: messages of one conversation are numbered in the order they commit, so a message's
    // history (read below) holds every message with a lower number, whichever partition or replica stored it.
    const sequence = (await this.conversations.lockLastSequence(m, conversationId)) + 1;
    const messageId = randomUUID();
    const inserted = await this.conversations.insertInboundMessage(m, {
      id: messageId,
      conversationId,
      channel: inbound.channel,
      externalMessageId: inbound.externalMessageId,
      inReplyTo: inbound.inReplyTo,
      references: inbound.references,
      fromAddress: inbound.from.address,
      subject: inbound.subject,
      text: inbound.text,
      newText: inbound.newText,
      html: inbound.html,
      automated: inbound.automated,
      attachments: inbound.attachments,
      rawMailId: inbound.rawMailId,
      receivedAt: inbound.receivedAt,
      sequence,
    });
    if (!inserted) return null;
    // The token goes with the message so mail-send can put it in the reply address (support+<token>@…).
    const token = await this.conversations.advance(m, conversationId, sequence);
    const bouncedReplyIds = inbound.automated.kind === 'bounce' ? await this.failBouncedReplies(m, inbound) : [];
    const history = await this.conversations.latestTurns(m, conversationId, messageId, HISTORY_TURNS);
    // Emails the customer sent in the last day, in any of their conversations (triage flags repeated contact).
    const recentInbound =
      inbound.channel === 'email' ? await this.conversations.countRecentInboundEmails(m, customer.id) : null;
    const references = [...inbound.references, inbound.externalMessageId].slice(-MAX_REFERENCES);
    return {
      conversationId,
      message: {
        messageId,
        sequence,
        channel: inbound.channel,
        customer: { id: customer.id, address: customer.address, name: customer.name },
        mailbox: inbound.mailbox,
        ...(token ? { conversationToken: token } : {}),
        subject: inbound.subject,
        text: inbound.newText,
        html: inbound.html,
        automated: inbound.automated,
        reply: { inReplyTo: inbound.channel === 'email' ? inbound.externalMessageId : null, references },
        chat: inbound.chat,
        history: history.reverse(),
        identityVerified: inbound.identityVerified ?? inbound.channel === 'email',
        ...(recentInbound !== null ? { recentInbound } : {}),
      },
      ...(bouncedReplyIds.length > 0 ? { bouncedReplyIds } : {}),
    };
  }

  /** A bounce naming one of our outbound messages (headers or the returned original) marks that reply failed. */
  private async failBouncedReplies(m: EntityManager, inbound: InboundPayload): Promise<string[]> {
    const ids = [inbound.inReplyTo, ...inbound.references, ...(inbound.bouncedMessageIds ?? [])].filter(
      (x): x is string => !!x,
    );
    if (ids.length === 0) return [];
    return this.conversations.failOutbound(m, ids);
  }

  /**
   * Threading, most reliable first: the Message-IDs the customer's client says it replies to; then our token in
   * the address they wrote to or in the subject. A token only joins a conversation of the same customer, and the
   * subject alone never joins anything.
   */
  private async findConversation(
    m: EntityManager,
    inbound: InboundPayload,
    customerId: string,
  ): Promise<string | null> {
    if (inbound.chat) {
      return this.conversations.findByChatSession(m, this.chatKey(inbound));
    }
    const ids = [inbound.inReplyTo, ...inbound.references, ...(inbound.bouncedMessageIds ?? [])].filter(
      (x): x is string => !!x,
    );
    if (ids.length > 0) {
      const byMessage = await this.conversations.findByMessageIds(m, ids);
      if (byMessage) return byMessage;
    }
    const tokens = [
      ...inbound.to.map((a) => conversationTokenFromAddress(a.address)),
      conversationTokenFromSubject(inbound.subject),
    ].filter((t): t is string => !!t);
    if (tokens.length > 0) {
      const byToken = await this.conversations.findByToken(m, tokens, customerId);
      if (byToken) return byToken;
    }
    return null;
  }

  private async openConversation(m: EntityManager, inbound: InboundPayload, customerId: string): Promise<string> {
    const id = randomUUID();
    await this.conversations.insertConversation(m, {
      id,
      customerId,
      channel: inbound.channel,
      mailbox: inbound.mailbox,
      subject: inbound.subject,
      normalizedSubject: normalizeSubject(inbound.subject),
      token: newToken(),
      chatSession: inbound.chat ? this.chatKey(inbound) : null,
    });
    return id;
  }

  private chatKey(inbound: InboundPayload): string {
    return `${inbound.chat!.channelId}:${inbound.chat!.sessionId}`;
  }

  async storeOutbound(m: EntityManager, conversationId: string, sent: ReplySentPayload): Promise<void> {
    await this.conversations.upsertOutboundMessage(m, { id: randomUUID(), conversationId, sent });
  }

  async storeTriage(m: EntityManager, messageId: string, triage: Triage): Promise<void> {
    await this.conversations.setTriage(m, messageId, triage);
  }

  list(limit: number, offset: number) {
    return this.conversations.list(limit, offset);
  }

  async get(id: string) {
    const conversation = await this.conversations.findWithCustomer(id);
    if (!conversation) return null;
    const messages = await this.conversations.messagesOf(id);
    // The review desk's drafts through its read model, superseded ones included: the conversation's whole history.
    const drafts = await this.drafts.ofConversation(id);
    return { ...conversation, messages, drafts };
  }
}
