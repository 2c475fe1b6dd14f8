import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports read a shop's review items by the time they reached the desk, and its audit log by the time of each
 * entry, over up to a year: without these they scan every shop's rows.
 */
export class ReportIndexes1764211300000 implements MigrationInterface {
  name = 'ReportIndexes1764211300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX review_items_shop_created ON review_items (shop_id, created_at)`);
    await q.query(`CREATE INDEX audit_log_shop_created ON audit_log (shop_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_log_shop_created`);
    await q.query(`DROP INDEX IF EXISTS review_items_shop_created`);
  }
}
