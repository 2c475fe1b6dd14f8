import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk's inbox of conversations. `conversation_states` (the review desk's) records what agents decide about a
 * whole conversation: who has it, whether it is closed and why, until when it is snoozed. The other indexes serve
 * the inbox read model: newest activity first with a keyset, full-text search over messages ('simple' config, so
 * English and Dutch words match alike without a stemmer PGlite may lack), customers by the start of their address
 * or name, and a conversation's newest review item. conversations, messages and customers belong to the
 * conversations service; their indexes here only serve the desk's reads (docs/architecture.md says so).
 */
export class ConversationInbox1764211000000 implements MigrationInterface {
  name = 'ConversationInbox1764211000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversation_states (
        conversation_id uuid PRIMARY KEY,
        shop_id         text NOT NULL,
        status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_reason   text CHECK (closed_reason IN ('resolved', 'spam', 'no_reply_needed', 'duplicate', 'other')),
        closed_note     text,
        closed_at       timestamptz,
        assignee_id     uuid,
        snoozed_until   timestamptz,
        updated_by      uuid,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX conversation_states_assignee ON conversation_states (shop_id, assignee_id)`);
    await q.query(`CREATE INDEX conversations_activity ON conversations (updated_at DESC, id DESC)`);
    // Bounded expressions: an index entry is at most 8 kB and a tsvector at most 1 MB, and a customer's name or a
    // message of any size must still be stored (a search term is at most 200 characters; the first 100,000
    // characters of a message are searchable).
    await q.query(
      `CREATE INDEX messages_search ON messages USING gin (to_tsvector('simple', left(subject || ' ' || new_text, 100000)))`,
    );
    await q.query(`CREATE INDEX customers_address_prefix ON customers (lower(left(address, 200)) text_pattern_ops)`);
    await q.query(`CREATE INDEX customers_name_prefix ON customers (lower(left(name, 200)) text_pattern_ops)`);
    await q.query(`CREATE INDEX review_items_conversation ON review_items (conversation_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'review_items_conversation',
      'customers_name_prefix',
      'customers_address_prefix',
      'messages_search',
      'conversations_activity',
    ])
      await q.query(`DROP INDEX IF EXISTS ${index}`);
    await q.query(`DROP TABLE IF EXISTS conversation_states`);
  }
}
