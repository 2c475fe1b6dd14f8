import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Canned replies: a shop's ready-made answers per language, with placeholders ({{customer.name}}, …) the desk fills
 * from the draft it is inserted into. A title is unique within a shop and language, whatever its case.
 */
export class CannedReplies1764211200000 implements MigrationInterface {
  name = 'CannedReplies1764211200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE canned_replies (
        id         uuid PRIMARY KEY,
        shop_id    text NOT NULL REFERENCES shops(id),
        language   text NOT NULL,
        title      text NOT NULL,
        body       text NOT NULL,
        updated_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX canned_replies_title ON canned_replies (shop_id, language, lower(title))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS canned_replies`);
  }
}
