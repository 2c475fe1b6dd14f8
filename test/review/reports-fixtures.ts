import { randomBytes, randomUUID } from 'node:crypto';
import type { TestDatabase } from '../support/database';

export interface ReportItem {
  shopId?: string;
  intent: string;
  channel: 'email' | 'chat';
  status: 'pending' | 'approved' | 'auto_sent' | 'rejected' | 'superseded';
  /** When the customer wrote (ISO); the draft reaches the desk `draftedAfterSeconds` later. */
  receivedAt: string;
  draftedAfterSeconds?: number;
  decidedAt?: string;
  decidedBy?: string;
  drafted?: string | null;
  sent?: string;
  dueAt?: string;
  closeReason?: string;
  /** When our reply went out (an outbound message in the conversation). */
  repliedAt?: string;
}

/**
 * A conversation with the customer's message and its review item as the conversations service and the desk write
 * them, at the times given, and our reply when one went out: the facts a report is computed from.
 */
export async function seedReportItem(db: TestDatabase, s: ReportItem): Promise<{ draftId: string }> {
  const customerId = randomUUID();
  const conversationId = randomUUID();
  const messageId = randomUUID();
  const draftId = randomUUID();
  await db.query(`INSERT INTO customers (id, address) VALUES ($1, $2)`, [
    customerId,
    `c-${randomBytes(4).toString('hex')}@example.test`,
  ]);
  await db.query(`INSERT INTO conversations (id, customer_id, channel, token) VALUES ($1, $2, $3, $4)`, [
    conversationId,
    customerId,
    s.channel,
    randomBytes(8).toString('hex'),
  ]);
  await db.query(
    `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, occurred_at, sequence)
     VALUES ($1, $2, 'inbound', $3, $4, 'customer', $5, 1)`,
    [messageId, conversationId, s.channel, `<${messageId}@example.test>`, s.receivedAt],
  );
  const drafted = s.drafted === undefined ? 'Beste Sanne, je pakket is onderweg.' : s.drafted;
  const sent = s.sent ?? (s.status === 'approved' || s.status === 'auto_sent' ? drafted : null);
  const createdAt = new Date(Date.parse(s.receivedAt) + (s.draftedAfterSeconds ?? 0) * 1000);
  await db.query(
    `INSERT INTO review_items (draft_id, conversation_id, status, decision, payload, body, shop_id, channel, intent, language,
                               due_at, decided_at, decided_by, close_reason, created_at, message_sequence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'nl', $10, $11, $12, $13, $14, 1)`,
    [
      draftId,
      conversationId,
      s.status,
      s.status === 'auto_sent' ? 'auto_send' : 'review',
      JSON.stringify({ draftId, messageId, channel: s.channel, body: drafted, intent: s.intent }),
      sent,
      s.shopId ?? 'default',
      s.channel,
      s.intent,
      s.dueAt ?? null,
      s.decidedAt ?? null,
      s.decidedBy ?? null,
      s.closeReason ?? null,
      createdAt,
    ],
  );
  if (s.repliedAt)
    await db.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, status, occurred_at)
       VALUES ($1, $2, 'outbound', $3, $4, 'draftdesk', 'sent', $5)`,
      [randomUUID(), conversationId, s.channel, `<${draftId}@replies.shop.test>`, s.repliedAt],
    );
  return { draftId };
}

/** An audit entry as the desk records an agent's action, at a given time. */
export async function seedAudit(
  db: TestDatabase,
  actor: string,
  action: string,
  draftId: string,
  at: string,
  shopId = 'default',
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor, action, entity, entity_id, after, created_at, shop_id) VALUES ($1, $2, 'draft', $3, '{}', $4, $5)`,
    [actor, action, draftId, at, shopId],
  );
}
