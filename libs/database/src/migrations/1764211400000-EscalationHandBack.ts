import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation as a lead's queue: why an item was escalated and by whom stay on the item (the lead sees them, and a
 * hand back goes to that agent by default); a hand back clears them.
 */
export class EscalationHandBack1764211400000 implements MigrationInterface {
  name = 'EscalationHandBack1764211400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_items ADD COLUMN escalation_reason text, ADD COLUMN escalated_by text`);
    // The lead's queue: escalated items still waiting, oldest first.
    await q.query(
      `CREATE INDEX review_items_escalated ON review_items (shop_id, created_at) WHERE escalated AND status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS review_items_escalated`);
    await q.query(`ALTER TABLE review_items DROP COLUMN escalation_reason, DROP COLUMN escalated_by`);
  }
}
