import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The send ledger: one row per attempt to hand a reply to the SMTP server, committed before the SMTP transaction
 * starts, so a crash leaves a record of what may have gone out, and marked accepted the moment the server said 250.
 * Outbound rows get a short lease (renewed while a worker sends) and the key of the worker holding them (whose
 * advisory lock shows whether it is alive) instead of a fixed grace period, and review items a `failed` status with the reason the reply
 * did not go out, so a person can edit and approve it again or close it.
 */
export class SendLedger1764204600000 implements MigrationInterface {
  name = 'SendLedger1764204600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE outbound_mails ADD COLUMN attempt_id uuid, ADD COLUMN lease_until timestamptz, ADD COLUMN worker_key integer`,
    );
    await q.query(`
      CREATE TABLE send_attempts (
        attempt_id  uuid PRIMARY KEY,
        draft_id    uuid NOT NULL,
        message_id  text NOT NULL,
        attempt     integer NOT NULL,
        started_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
        accepted_at timestamptz,
        finished_at timestamptz,
        outcome     text CHECK (outcome IN ('sent', 'retry', 'failed', 'interrupted')),
        error       text
      )`);
    await q.query(`CREATE INDEX send_attempts_draft ON send_attempts (draft_id, started_at)`);
    await q.query(`ALTER TABLE review_items ADD COLUMN send_error text`);
    await q.query(`ALTER TABLE review_items DROP CONSTRAINT IF EXISTS review_items_status_check`);
    await q.query(`ALTER TABLE review_items ADD CONSTRAINT review_items_status_check
      CHECK (status IN ('pending', 'approved', 'rejected', 'auto_sent', 'escalated', 'ignored', 'redraft_requested', 'failed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_items DROP CONSTRAINT IF EXISTS review_items_status_check`);
    await q.query(`ALTER TABLE review_items ADD CONSTRAINT review_items_status_check
      CHECK (status IN ('pending', 'approved', 'rejected', 'auto_sent', 'escalated', 'ignored', 'redraft_requested'))`);
    await q.query(`ALTER TABLE review_items DROP COLUMN IF EXISTS send_error`);
    await q.query(`DROP TABLE IF EXISTS send_attempts`);
    await q.query(
      `ALTER TABLE outbound_mails DROP COLUMN IF EXISTS attempt_id, DROP COLUMN IF EXISTS lease_until, DROP COLUMN IF EXISTS worker_key`,
    );
  }
}
