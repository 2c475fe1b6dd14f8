import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The policy a shop's admins edit on the settings page. Every save is a new version (the newest is in force); the
 * drafter reads it before each draft, and it wins over policy.yaml.
 */
export class ShopPolicies1764212300000 implements MigrationInterface {
  name = 'ShopPolicies1764212300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shop_policies (
        shop_id  text NOT NULL,
        version  integer NOT NULL CHECK (version > 0),
        policy   jsonb NOT NULL,
        saved_by text NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS shop_policies`);
  }
}
