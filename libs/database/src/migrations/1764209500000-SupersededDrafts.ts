import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'pending', 'approved', 'rejected', 'auto_sent', 'escalated', 'ignored', 'redraft_requested', 'failed'`;

/**
 * One open draft per conversation. Customer messages are numbered in the order their conversation stored them
 * (under the conversation's row lock, so a later number has seen every earlier message in its history), and a
 * review item keeps the number of the message its draft answers. A draft for a newer message supersedes the open
 * draft of an older one: status `superseded`, with the message that did it and when, kept in the history. A
 * partial unique index makes "one open draft per conversation" the database's guarantee, not the code's.
 * `conversation_drafts` is the review desk's drafts as the conversations API may read them.
 */
export class SupersededDrafts1764209500000 implements MigrationInterface {
  name = 'SupersededDrafts1764209500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversations ADD COLUMN last_sequence integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE messages ADD COLUMN sequence integer`);
    await q.query(`
      UPDATE messages m SET sequence = n.sequence
        FROM (SELECT id, row_number() OVER (PARTITION BY conversation_id ORDER BY created_at, occurred_at, id) AS sequence
                FROM messages WHERE direction = 'inbound') n
       WHERE m.id = n.id`);
    await q.query(`
      UPDATE conversations c SET last_sequence = s.last
        FROM (SELECT conversation_id, max(sequence) AS last FROM messages GROUP BY conversation_id) s
       WHERE c.id = s.conversation_id AND s.last IS NOT NULL`);
    await q.query(
      `CREATE UNIQUE INDEX messages_sequence ON messages (conversation_id, sequence) WHERE sequence IS NOT NULL`,
    );

    await q.query(`
      ALTER TABLE review_items
        ADD COLUMN message_sequence         integer,
        ADD COLUMN superseded_by_message_id uuid,
        ADD COLUMN superseded_by_draft_id   uuid,
        ADD COLUMN superseded_at            timestamptz`);
    await q.query(`
      UPDATE review_items r SET message_sequence = m.sequence
        FROM messages m WHERE m.id = (r.payload->>'messageId')::uuid`);
    await q.query(`ALTER TABLE review_items DROP CONSTRAINT IF EXISTS review_items_status_check`);
    await q.query(
      `ALTER TABLE review_items ADD CONSTRAINT review_items_status_check CHECK (status IN (${STATUSES_BEFORE}, 'superseded'))`,
    );
    // Conversations that already hold several open drafts keep the newest; the others are superseded by it.
    await q.query(`
      UPDATE review_items r SET status = 'superseded', superseded_by_message_id = (newest.payload->>'messageId')::uuid,
                                superseded_by_draft_id = newest.draft_id, superseded_at = now(), claimed_by = NULL, claim_expires_at = NULL, version = r.version + 1, updated_at = now()
        FROM (SELECT DISTINCT ON (conversation_id) conversation_id, draft_id, payload FROM review_items
               WHERE status IN ('pending', 'redraft_requested')
               ORDER BY conversation_id, message_sequence DESC NULLS LAST, created_at DESC, draft_id DESC) newest
       WHERE r.conversation_id = newest.conversation_id AND r.draft_id <> newest.draft_id AND r.status IN ('pending', 'redraft_requested')`);
    await q.query(`
      CREATE UNIQUE INDEX review_items_one_open_per_conversation ON review_items (conversation_id)
       WHERE status IN ('pending', 'redraft_requested')`);
    await q.query(`
      CREATE VIEW conversation_drafts AS
      SELECT draft_id, conversation_id, (payload->>'messageId')::uuid AS message_id, status, decision, body,
             decided_by, decided_at, superseded_by_message_id, superseded_by_draft_id, superseded_at, created_at, updated_at
        FROM review_items`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS conversation_drafts`);
    await q.query(`DROP INDEX IF EXISTS review_items_one_open_per_conversation`);
    // A superseded draft was an open one that a newer message replaced: closed as rejected, with the reason.
    await q.query(
      `UPDATE review_items SET status = 'rejected', reject_reason = 'superseded' WHERE status = 'superseded'`,
    );
    await q.query(`ALTER TABLE review_items DROP CONSTRAINT IF EXISTS review_items_status_check`);
    await q.query(
      `ALTER TABLE review_items ADD CONSTRAINT review_items_status_check CHECK (status IN (${STATUSES_BEFORE}))`,
    );
    await q.query(`ALTER TABLE review_items DROP COLUMN message_sequence, DROP COLUMN superseded_by_message_id,
      DROP COLUMN superseded_by_draft_id, DROP COLUMN superseded_at`);
    await q.query(`DROP INDEX IF EXISTS messages_sequence`);
    await q.query(`ALTER TABLE messages DROP COLUMN sequence`);
    await q.query(`ALTER TABLE conversations DROP COLUMN last_sequence`);
  }
}
