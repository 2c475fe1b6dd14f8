// Owns: customers, conversations, messages
import type { InboundPayload, ReplySentPayload } from '@draftdesk/contracts';
import { returnedRows } from '@draftdesk/database';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface Customer {
  id: string;
  address: string;
  name: string;
}

export interface NewConversation {
  id: string;
  customerId: string;
  channel: InboundPayload['channel'];
  mailbox: InboundPayload['mailbox'];
  subject: string;
  normalizedSubject: string;
  token: string;
  chatSession: string | null;
}

/** An inbound message as it is stored: the inbound event's fields, its conversation and its number in it. */
export type NewInboundMessage = Pick<
  InboundPayload,
  | 'channel'
  | 'externalMessageId'
  | 'inReplyTo'
  | 'references'
  | 'subject'
  | 'text'
  | 'newText'
  | 'html'
  | 'automated'
  | 'attachments'
  | 'rawMailId'
  | 'receivedAt'
> & { id: string; conversationId: string; fromAddress: string; sequence: number };

export interface NewOutboundMessage {
  id: string;
  conversationId: string;
  sent: Pick<ReplySentPayload, 'channel' | 'messageId' | 'subject' | 'body' | 'status' | 'sentAt'>;
}

export interface HistoryTurn {
  direction: 'inbound' | 'outbound';
  text: string;
}

/** Customers, their conversations and the messages in them. Writes run in the caller's transaction (`m`). */
@Injectable()
export class ConversationsRepository {
  constructor(private readonly db: DataSource) {}

  /** Creates the customer on first contact; a later non-empty name replaces the one on record. */
  async upsertCustomer(m: EntityManager, id: string, address: string, name: string): Promise<Customer> {
    const [customer] = await m.query(
      `INSERT INTO customers (id, address, name) VALUES ($1, lower($2), $3)
       ON CONFLICT (address) DO UPDATE SET name = COALESCE(NULLIF(EXCLUDED.name, ''), customers.name)
       RETURNING id, address, name`,
      [id, address, name],
    );
    return customer;
  }

  async findByChatSession(m: EntityManager, chatSession: string): Promise<string | null> {
    const [row] = await m.query(`SELECT id FROM conversations WHERE chat_session = $1`, [chatSession]);
    return row?.id ?? null;
  }

  /** The conversation of the most recent of these messages (by their Message-IDs). */
  async findByMessageIds(m: EntityManager, externalMessageIds: string[]): Promise<string | null> {
    const [row] = await m.query(
      `SELECT conversation_id AS id FROM messages WHERE external_message_id = ANY($1::text[])
        ORDER BY occurred_at DESC LIMIT 1`,
      [externalMessageIds],
    );
    return row?.id ?? null;
  }

  async findByToken(m: EntityManager, tokens: string[], customerId: string): Promise<string | null> {
    const [row] = await m.query(`SELECT id FROM conversations WHERE token = ANY($1::text[]) AND customer_id = $2`, [
      tokens,
      customerId,
    ]);
    return row?.id ?? null;
  }

  async insertConversation(m: EntityManager, c: NewConversation): Promise<void> {
    await m.query(
      `INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token, chat_session)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.id, c.customerId, c.channel, c.mailbox, c.subject, c.normalizedSubject, c.token, c.chatSession],
    );
  }

  /** The conversation's last message number, with its row locked until the transaction ends. */
  async lockLastSequence(m: EntityManager, conversationId: string): Promise<number> {
    const [{ last_sequence: last }] = await m.query(
      `SELECT last_sequence FROM conversations WHERE id = $1 FOR UPDATE`,
      [conversationId],
    );
    return Number(last);
  }

  /** False when the message was stored before (same channel and Message-ID). */
  async insertInboundMessage(m: EntityManager, msg: NewInboundMessage): Promise<boolean> {
    const inserted = await m.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, in_reply_to, "references",
                             from_address, subject, text, new_text, html, automated, attachments, raw_mail_id, occurred_at, sequence)
       VALUES ($1, $2, 'inbound', $3, $4, $5, $6, lower($7), $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (channel, direction, external_message_id) DO NOTHING RETURNING id`,
      [
        msg.id,
        msg.conversationId,
        msg.channel,
        msg.externalMessageId,
        msg.inReplyTo,
        msg.references,
        msg.fromAddress,
        msg.subject,
        msg.text,
        msg.newText,
        msg.html,
        JSON.stringify(msg.automated),
        JSON.stringify(msg.attachments),
        msg.rawMailId,
        msg.receivedAt,
        msg.sequence,
      ],
    );
    return inserted.length > 0;
  }

  /** Records the conversation's new last message number; returns its token. */
  async advance(m: EntityManager, conversationId: string, sequence: number): Promise<string | null> {
    const [touched] = returnedRows<{ token: string | null }>(
      await m.query(`UPDATE conversations SET updated_at = now(), last_sequence = $2 WHERE id = $1 RETURNING token`, [
        conversationId,
        sequence,
      ]),
    );
    return touched?.token ?? null;
  }

  /** Marks our outbound messages with these Message-IDs failed; returns their ids. */
  async failOutbound(m: EntityManager, externalMessageIds: string[]): Promise<string[]> {
    const rows = await m.query(
      `UPDATE messages SET status = 'failed' WHERE direction = 'outbound' AND external_message_id = ANY($1::text[]) RETURNING id`,
      [externalMessageIds],
    );
    return returnedRows<{ id: string }>(rows).map((r) => r.id);
  }

  /** The conversation's latest messages other than `exceptMessageId`, newest first. */
  async latestTurns(
    m: EntityManager,
    conversationId: string,
    exceptMessageId: string,
    limit: number,
  ): Promise<HistoryTurn[]> {
    return m.query(
      `SELECT direction, new_text AS text FROM messages WHERE conversation_id = $1 AND id <> $2
        ORDER BY occurred_at DESC, created_at DESC LIMIT $3`,
      [conversationId, exceptMessageId, limit],
    );
  }

  /** Emails the customer sent in the last day, in any of their conversations. */
  async countRecentInboundEmails(m: EntityManager, customerId: string): Promise<number> {
    const [row] = await m.query(
      `SELECT count(*)::int AS n FROM messages msg JOIN conversations c ON c.id = msg.conversation_id
        WHERE c.customer_id = $1 AND msg.direction = 'inbound' AND msg.channel = 'email' AND msg.created_at > now() - interval '24 hours'`,
      [customerId],
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Stores our reply, or updates its status when it was stored before; the conversation is touched first, so that,
   * as when a customer's message is stored, the conversation is locked before the desk's inbox row its messages update.
   */
  async upsertOutboundMessage(m: EntityManager, msg: NewOutboundMessage): Promise<void> {
    await m.query(`UPDATE conversations SET updated_at = now() WHERE id = $1`, [msg.conversationId]);
    await m.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject,
                             text, new_text, status, occurred_at)
       VALUES ($1, $2, 'outbound', $3, $4, 'draftdesk', $5, $6, $6, $7, $8)
       ON CONFLICT (channel, direction, external_message_id) DO UPDATE SET status = EXCLUDED.status`,
      [
        msg.id,
        msg.conversationId,
        msg.sent.channel,
        msg.sent.messageId,
        msg.sent.subject,
        msg.sent.body,
        msg.sent.status,
        msg.sent.sentAt,
      ],
    );
  }

  async setTriage(m: EntityManager, messageId: string, triage: unknown): Promise<void> {
    await m.query(`UPDATE messages SET triage = $2 WHERE id = $1`, [messageId, JSON.stringify(triage)]);
  }

  /** Conversations, most recently active first, with their customer and message count. */
  list(limit: number, offset: number) {
    return this.db.query(
      // A list stays small whatever one mail held: long subjects and names are cut here, whole in GET /:id.
      `SELECT c.id, c.channel, left(c.subject, 2000) AS subject, c.status, c.token, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
              cu.address AS "customerAddress", left(cu.name, 500) AS "customerName",
              (SELECT count(*)::int FROM messages WHERE conversation_id = c.id) AS "messageCount"
         FROM conversations c JOIN customers cu ON cu.id = c.customer_id
        ORDER BY c.updated_at DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
  }

  async findWithCustomer(id: string): Promise<Record<string, unknown> | null> {
    const [conversation] = await this.db.query(
      `SELECT c.id, c.channel, c.subject, c.status, c.token, c.mailbox, c.created_at AS "createdAt",
              cu.address AS "customerAddress", cu.name AS "customerName"
         FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = $1`,
      [id],
    );
    return conversation ?? null;
  }

  /** Every message of the conversation, oldest first, as the read API shows them. */
  messagesOf(conversationId: string): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT id, direction, channel, external_message_id AS "externalMessageId", in_reply_to AS "inReplyTo",
              "references", from_address AS "from", subject, text, new_text AS "newText", automated, attachments,
              triage, status, sequence, occurred_at AS "occurredAt"
         FROM messages WHERE conversation_id = $1 ORDER BY occurred_at, created_at`,
      [conversationId],
    );
  }
}
