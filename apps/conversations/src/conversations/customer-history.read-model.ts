import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface HistoryCustomer {
  id: string;
  address: string;
  name: string;
  createdAt: Date;
}

export interface HistoryConversation {
  id: string;
  channel: string;
  mailbox: string | null;
  subject: string;
  status: string;
  createdAt: Date;
  /** The newest message, or the conversation's last change when it holds none. */
  lastActivityAt: Date;
  messageCount: number;
  /** The start of the customer's first message (what they wrote, without quoted history). */
  firstLine: string;
}

/** The most conversations a customer's history lists, newest activity first. */
export const HISTORY_CONVERSATIONS_LIMIT = 100;

/**
 * One customer and every conversation of theirs, as the desk's customer panel reads them (SELECT only). The
 * tables belong to the conversations service; which of these conversations a shop may see is the reader's to decide.
 */
@Injectable()
export class CustomerHistoryReadModel {
  constructor(private readonly db: DataSource) {}

  async customer(customerId: string): Promise<HistoryCustomer | null> {
    const [row] = await this.db.query(
      `SELECT id, address, name, created_at AS "createdAt" FROM customers WHERE id = $1`,
      [customerId],
    );
    return row ?? null;
  }

  async customerOfConversation(conversationId: string): Promise<string | null> {
    const [row] = await this.db.query(`SELECT customer_id FROM conversations WHERE id = $1`, [conversationId]);
    return row?.customer_id ?? null;
  }

  conversationsOf(customerId: string, limit = HISTORY_CONVERSATIONS_LIMIT): Promise<HistoryConversation[]> {
    return this.db.query(
      `SELECT c.id, c.channel, c.mailbox, c.subject, c.status, c.created_at AS "createdAt",
              greatest(c.updated_at, stats.last_at) AS "lastActivityAt", coalesce(stats.n, 0) AS "messageCount",
              coalesce(first_in.line, '') AS "firstLine"
         FROM conversations c
         LEFT JOIN LATERAL (SELECT max(m.occurred_at) AS last_at, count(*)::int AS n
                              FROM messages m WHERE m.conversation_id = c.id) stats ON true
         LEFT JOIN LATERAL (SELECT left(btrim(coalesce(nullif(m.new_text, ''), m.text)), 200) AS line
                              FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'inbound'
                             ORDER BY m.occurred_at, m.created_at LIMIT 1) first_in ON true
        WHERE c.customer_id = $1
        ORDER BY 7 DESC, c.id
        LIMIT $2`,
      [customerId, limit],
    );
  }
}
