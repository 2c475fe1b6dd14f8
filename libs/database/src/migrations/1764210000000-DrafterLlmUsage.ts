import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The drafter's daily token spend per shop, kept like triage's (`triage_llm_usage`): in the database, so every
 * drafter replica counts against the same budget.
 */
export class DrafterLlmUsage1764210000000 implements MigrationInterface {
  name = 'DrafterLlmUsage1764210000000';

  async up(q: QueryRunner): Promise<void> {
    // The same columns, defaults and key (shop_id, day) as triage's table.
    await q.query(`CREATE TABLE drafter_llm_usage (LIKE triage_llm_usage INCLUDING ALL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS drafter_llm_usage`);
  }
}
