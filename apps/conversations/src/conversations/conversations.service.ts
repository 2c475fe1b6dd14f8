import { InboundPayload, MessageAddedPayload, ReplySentPayload, Triage } from '@draftdesk/contracts';
import { conversationTokenFromAddress, conversationTokenFromSubject, normalizeSubject } from '@draftdesk/mail';
import { returnedRows } from '@draftdesk/database';
import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

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
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores an inbound message in its conversation, opening one when it starts a new thread. Returns null when the
   * same message was stored before (a re-import or a second delivery), so nothing downstream runs twice.
   */
  async storeInbound(m: EntityManager, inbound: InboundPayload): Promise<StoredInbound | null> {
    const [customer] = await m.query(
      `INSERT INTO customers (id, address, name) VALUES ($1, lower($2), $3)
       ON CONFLICT (address) DO UPDATE SET name = COALESCE(NULLIF(EXCLUDED.name, ''), customers.name)
       RETURNING id, address, name`,
      [randomUUID(), inbound.from.address, inbound.from.name ?? ''],
    );
    const conversationId =
      (await this.findConversation(m, inbound, customer.id)) ?? (await this.openConversation(m, inbound, customer.id));
    // Held until commit: messages of one conversation are numbered in the order they commit, so a message's
    // history (read below) holds every message with a lower number, whichever partition or replica stored it.
    const [{ last_sequence: last }] = await m.query(
      `SELECT last_sequence FROM conversations WHERE id = $1 FOR UPDATE`,
      [conversationId],
    );
    const sequence = Number(last) + 1;
    const messageId = randomUUID();
    const inserted = await m.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, in_reply_to, "references",
                             from_address, subject, text, new_text, html, automated, attachments, raw_mail_id, occurred_at, sequence)
       VALUES ($1, $2, 'inbound', $3, $4, $5, $6, lower($7), $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (channel, direction, external_message_id) DO NOTHING RETURNING id`,
      [
        messageId,
        conversationId,
        inbound.channel,
        inbound.externalMessageId,
        inbound.inReplyTo,
        inbound.references,
        inbound.from.address,
        inbound.subject,
        inbound.text,
        inbound.newText,
        inbound.html,
        JSON.stringify(inbound.automated),
        JSON.stringify(inbound.attachments),
        inbound.rawMailId,
        inbound.receivedAt,
        sequence,
      ],
    );
    if (inserted.length === 0) return null;
    // The token goes with the message so mail-send can put it in the reply address (support+<token>@…).
    const [touched] = returnedRows<{ token: string | null }>(
      await m.query(`UPDATE conversations SET updated_at = now(), last_sequence = $2 WHERE id = $1 RETURNING token`, [
        conversationId,
        sequence,
      ]),
    );
    const bouncedReplyIds = inbound.automated.kind === 'bounce' ? await this.failBouncedReplies(m, inbound) : [];
    const history = await m.query(
      `SELECT direction, new_text AS text FROM messages WHERE conversation_id = $1 AND id <> $2
        ORDER BY occurred_at DESC, created_at DESC LIMIT $3`,
      [conversationId, messageId, HISTORY_TURNS],
    );
    const recentInbound = inbound.channel === 'email' ? await this.recentInbound(m, customer.id) : null;
    const references = [...inbound.references, inbound.externalMessageId].slice(-MAX_REFERENCES);
    return {
      conversationId,
      message: {
        messageId,
        sequence,
        channel: inbound.channel,
        customer: { id: customer.id, address: customer.address, name: customer.name },
        mailbox: inbound.mailbox,
        ...(touched?.token ? { conversationToken: touched.token } : {}),
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

  /** Emails the customer sent in the last day, in any of their conversations (triage flags repeated contact). */
  private async recentInbound(m: EntityManager, customerId: string): Promise<number> {
    const [row] = await m.query(
      `SELECT count(*)::int AS n FROM messages msg JOIN conversations c ON c.id = msg.conversation_id
        WHERE c.customer_id = $1 AND msg.direction = 'inbound' AND msg.channel = 'email' AND msg.created_at > now() - interval '24 hours'`,
      [customerId],
    );
    return Number(row?.n ?? 0);
  }

  /** A bounce naming one of our outbound messages (headers or the returned original) marks that reply failed. */
  private async failBouncedReplies(m: EntityManager, inbound: InboundPayload): Promise<string[]> {
    const ids = [inbound.inReplyTo, ...inbound.references, ...(inbound.bouncedMessageIds ?? [])].filter(
      (x): x is string => !!x,
    );
    if (ids.length === 0) return [];
    const rows = await m.query(
      `UPDATE messages SET status = 'failed' WHERE direction = 'outbound' AND external_message_id = ANY($1::text[]) RETURNING id`,
      [ids],
    );
    return returnedRows<{ id: string }>(rows).map((r) => r.id);
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
      const [row] = await m.query(`SELECT id FROM conversations WHERE chat_session = $1`, [this.chatKey(inbound)]);
      return row?.id ?? null;
    }
    const ids = [inbound.inReplyTo, ...inbound.references, ...(inbound.bouncedMessageIds ?? [])].filter(
      (x): x is string => !!x,
    );
    if (ids.length > 0) {
      const [row] = await m.query(
        `SELECT conversation_id AS id FROM messages WHERE external_message_id = ANY($1::text[])
          ORDER BY occurred_at DESC LIMIT 1`,
        [ids],
      );
      if (row) return row.id;
    }
    const tokens = [
      ...inbound.to.map((a) => conversationTokenFromAddress(a.address)),
      conversationTokenFromSubject(inbound.subject),
    ].filter((t): t is string => !!t);
    if (tokens.length > 0) {
      const [row] = await m.query(`SELECT id FROM conversations WHERE token = ANY($1::text[]) AND customer_id = $2`, [
        tokens,
        customerId,
      ]);
      if (row) return row.id;
    }
    return null;
  }

  private async openConversation(m: EntityManager, inbound: InboundPayload, customerId: string): Promise<string> {
    const id = randomUUID();
    await m.query(
      `INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token, chat_session)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        customerId,
        inbound.channel,
        inbound.mailbox,
        inbound.subject,
        normalizeSubject(inbound.subject),
        newToken(),
        inbound.chat ? this.chatKey(inbound) : null,
      ],
    );
    return id;
  }

  private chatKey(inbound: InboundPayload): string {
    return `${inbound.chat!.channelId}:${inbound.chat!.sessionId}`;
  }

  async storeOutbound(m: EntityManager, conversationId: string, sent: ReplySentPayload): Promise<void> {
    await m.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject,
                             text, new_text, status, occurred_at)
       VALUES ($1, $2, 'outbound', $3, $4, 'draftdesk', $5, $6, $6, $7, $8)
       ON CONFLICT (channel, direction, external_message_id) DO UPDATE SET status = EXCLUDED.status`,
      [randomUUID(), conversationId, sent.channel, sent.messageId, sent.subject, sent.body, sent.status, sent.sentAt],
    );
    await m.query(`UPDATE conversations SET updated_at = now() WHERE id = $1`, [conversationId]);
  }

  async storeTriage(m: EntityManager, messageId: string, triage: Triage): Promise<void> {
    await m.query(`UPDATE messages SET triage = $2 WHERE id = $1`, [messageId, JSON.stringify(triage)]);
  }

  async list(limit: number, offset: number) {
    return this.dataSource.query(
      // A list stays small whatever one mail held: long subjects and names are cut here, whole in GET /:id.
      `SELECT c.id, c.channel, left(c.subject, 2000) AS subject, c.status, c.token, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
              cu.address AS "customerAddress", left(cu.name, 500) AS "customerName",
              (SELECT count(*)::int FROM messages WHERE conversation_id = c.id) AS "messageCount"
         FROM conversations c JOIN customers cu ON cu.id = c.customer_id
        ORDER BY c.updated_at DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
  }

  async get(id: string) {
    const [conversation] = await this.dataSource.query(
      `SELECT c.id, c.channel, c.subject, c.status, c.token, c.mailbox, c.created_at AS "createdAt",
              cu.address AS "customerAddress", cu.name AS "customerName"
         FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = $1`,
      [id],
    );
    if (!conversation) return null;
    const messages = await this.dataSource.query(
      `SELECT id, direction, channel, external_message_id AS "externalMessageId", in_reply_to AS "inReplyTo",
              "references", from_address AS "from", subject, text, new_text AS "newText", automated, attachments,
              triage, status, sequence, occurred_at AS "occurredAt"
         FROM messages WHERE conversation_id = $1 ORDER BY occurred_at, created_at`,
      [id],
    );
    // The review desk's drafts through its read model, superseded ones included: the conversation's whole history.
    const drafts = await this.dataSource.query(
      `SELECT draft_id AS "draftId", message_id AS "messageId", status, decision, body, decided_by AS "decidedBy",
              decided_at AS "decidedAt", superseded_by_message_id AS "supersededByMessageId", superseded_at AS "supersededAt",
              created_at AS "createdAt"
         FROM conversation_drafts WHERE conversation_id = $1 ORDER BY created_at, draft_id`,
      [id],
    );
    return { ...conversation, messages, drafts };
  }
}
