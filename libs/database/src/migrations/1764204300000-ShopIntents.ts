import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intents a shop defines itself (beside the 28 standard ones), with a description the language model is shown and
 * the example texts `draftdesk train --from-db` teaches the shop's embedded model. The name rule and the example cap
 * repeat the library's validation so that no writer can store what triage would later trip over.
 */
export class ShopIntents1764204300000 implements MigrationInterface {
  name = 'ShopIntents1764204300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shop_intents (
        shop_id     text NOT NULL,
        intent      text NOT NULL CHECK (intent ~ '^[a-z][a-z0-9_]{2,62}$'),
        description text NOT NULL DEFAULT '',
        examples    text[] NOT NULL DEFAULT '{}' CHECK (cardinality(examples) <= 1000),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, intent)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS shop_intents`);
  }
}
