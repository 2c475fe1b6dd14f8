import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'pending', 'approved', 'rejected', 'auto_sent', 'escalated', 'ignored', 'redraft_requested', 'failed', 'superseded'`;

/**
 * Send with undo. An approved reply waits `send_delay_seconds` (per shop; NULL takes the desk's configured default)
 * as status `sending` until `send_at`, when the review desk publishes it; until then the agent can undo it.
 */
export class SendDelay1764210500000 implements MigrationInterface {
  name = 'SendDelay1764210500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE shops ADD COLUMN send_delay_seconds integer CHECK (send_delay_seconds BETWEEN 0 AND 600)`,
    );
    await q.query(`ALTER TABLE review_items ADD COLUMN send_at timestamptz`);
    await q.query(`ALTER TABLE review_items DROP CONSTRAINT IF EXISTS review_items_status_check`);
    await q.query(
      `ALTER TABLE review_items ADD CONSTRAINT review_items_status_check CHECK (status IN (${STATUSES_BEFORE}, 'sending'))`,
    );
    await q.query(`CREATE INDEX review_items_sending ON review_items (send_at) WHERE status = 'sending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS review_items_sending`);
    // A reply still waiting to be sent goes back to the queue rather than out unannounced.
    await q.query(
      `UPDATE review_items SET status = 'pending', decided_by = NULL, decided_at = NULL WHERE status = 'sending'`,
    );
    await q.query(`ALTER TABLE review_items DROP CONSTRAINT IF EXISTS review_items_status_check`);
    await q.query(
      `ALTER TABLE review_items ADD CONSTRAINT review_items_status_check CHECK (status IN (${STATUSES_BEFORE}))`,
    );
    await q.query(`ALTER TABLE review_items DROP COLUMN send_at`);
    await q.query(`ALTER TABLE shops DROP COLUMN send_delay_seconds`);
  }
}
