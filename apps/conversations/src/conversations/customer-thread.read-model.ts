import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What the review desk needs to know about the customer message a draft answers. */
export interface MessageFacts {
  triage: { urgency?: string; [key: string]: unknown } | null;
  occurredAt: Date | null;
  /** Whether the conversation already holds a reply of ours. */
  answeredBefore: boolean;
}

export interface ThreadConversation {
  id: string;
  channel: string;
  mailbox: string | null;
  subject: string;
  status: string;
  created_at: Date;
  customer_address: string;
  customer_name: string;
}

export interface ThreadMessage {
  id: string;
  direction: string;
  from_address: string;
  subject: string;
  text: string;
  new_text: string;
  attachments: unknown;
  triage: Record<string, unknown> | null;
  occurred_at: Date;
}

/**
 * A customer's conversation and its messages, as other services may read them (SELECT only). The tables belong to
 * the conversations service; readers use their own connection, or the transaction they pass in.
 */
@Injectable()
export class CustomerThreadReadModel {
  constructor(private readonly db: DataSource) {}

  async messageFacts(m: EntityManager, messageId: string, conversationId: string): Promise<MessageFacts | null> {
    const [row] = await m.query(
      `SELECT triage, occurred_at,
              EXISTS (SELECT 1 FROM messages o WHERE o.conversation_id = $2 AND o.direction = 'outbound') AS answered_before
         FROM messages WHERE id = $1`,
      [messageId, conversationId],
    );
    return row ? { triage: row.triage, occurredAt: row.occurred_at, answeredBefore: row.answered_before } : null;
  }

  async conversation(conversationId: string): Promise<ThreadConversation | null> {
    const [row] = await this.db.query(
      `SELECT c.id, c.channel, c.mailbox, c.subject, c.status, c.created_at, cu.address AS customer_address, cu.name AS customer_name
         FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = $1`,
      [conversationId],
    );
    return row ?? null;
  }

  /** The conversation's first 200 messages, oldest first. */
  messages(conversationId: string): Promise<ThreadMessage[]> {
    return this.db.query(
      `SELECT id, direction, from_address, subject, text, new_text, attachments, triage, occurred_at
           FROM messages WHERE conversation_id = $1 ORDER BY occurred_at, created_at LIMIT 200`,
      [conversationId],
    );
  }
}
