import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rejected draft either closes the item with a reason (`close_reason`; `other` comes with the agent's own words in
 * reject_reason), or keeps it open for the agent who rejected it to write the reply: `needs_human_reply` marks those
 * items so the queue can find them.
 */
export class RejectChoices1764210100000 implements MigrationInterface {
  name = 'RejectChoices1764210100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_items ADD COLUMN needs_human_reply boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE review_items ADD COLUMN close_reason text CONSTRAINT review_items_close_reason_check
         CHECK (close_reason IN ('spam', 'already_answered', 'no_reply_needed', 'other'))`,
    );
    await q.query(
      `CREATE INDEX review_items_needs_human_reply ON review_items (shop_id, assignee_id) WHERE needs_human_reply`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS review_items_needs_human_reply`);
    await q.query(`ALTER TABLE review_items DROP COLUMN IF EXISTS close_reason`);
    await q.query(`ALTER TABLE review_items DROP COLUMN IF EXISTS needs_human_reply`);
  }
}
