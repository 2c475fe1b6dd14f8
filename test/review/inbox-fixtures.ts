import { randomBytes, randomUUID } from 'node:crypto';
import type { TestDatabase } from '../support/database';

export interface SeedMessage {
  direction: 'inbound' | 'outbound';
  text: string;
  subject?: string;
  /** Our replies: the delivery state the sending service reported. */
  status?: 'sent' | 'failed';
  minutesAgo?: number;
}

export interface SeedConversation {
  name?: string;
  address?: string;
  channel?: 'email' | 'chat';
  subject?: string;
  messages?: SeedMessage[];
  /** Places the conversation in another shop (conversations without a review item belong to the default shop). */
  shopId?: string;
}

/**
 * A conversation without a draft, with its customer and messages, as the conversations service writes them; its
 * last activity is now (as when its last message arrived).
 */
export async function seedConversation(
  db: TestDatabase,
  s: SeedConversation = {},
): Promise<{ conversationId: string }> {
  const customerId = randomUUID();
  const conversationId = randomUUID();
  const address = s.address ?? `c-${randomBytes(4).toString('hex')}@example.test`;
  const channel = s.channel ?? 'email';
  const subject = s.subject ?? 'A question';
  await db.query(`INSERT INTO customers (id, address, name) VALUES ($1, $2, $3)`, [customerId, address, s.name ?? '']);
  await db.query(
    `INSERT INTO conversations (id, customer_id, channel, mailbox, subject, normalized_subject, token)
     VALUES ($1, $2, $3, 'support@shop.test', $4, lower($4), $5)`,
    [conversationId, customerId, channel, subject, randomBytes(8).toString('hex')],
  );
  const messages = s.messages ?? [{ direction: 'inbound', text: 'Hello?' }];
  for (const [i, m] of messages.entries()) {
    const id = randomUUID();
    await db.query(
      `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, subject, text, new_text, status, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, now() - make_interval(mins => $10))`,
      [
        id,
        conversationId,
        m.direction,
        channel,
        `<${id}@example.test>`,
        m.direction === 'inbound' ? address : 'support@shop.test',
        m.subject ?? subject,
        m.text,
        m.status ?? null,
        m.minutesAgo ?? messages.length - i,
      ],
    );
  }
  if (s.shopId)
    await db.query(`INSERT INTO conversation_states (conversation_id, shop_id) VALUES ($1, $2)`, [
      conversationId,
      s.shopId,
    ]);
  return { conversationId };
}
