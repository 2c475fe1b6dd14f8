import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Triage that learns per shop: each shop's retrained intent model (one current row, replaced on retraining) and
 * each shop's language-model token spend per UTC day (the daily budget is checked against it).
 * Models live in the database rather than on disk because replicas share no filesystem, and a new row is
 * visible to all of them at once; a model is 1–2 MB of JSON.
 */
export class TriageLearning1764203500000 implements MigrationInterface {
  name = 'TriageLearning1764203500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shop_models (
        shop_id    text PRIMARY KEY,
        model      text NOT NULL,
        intents    text[] NOT NULL,
        examples   integer NOT NULL,
        shop_examples integer NOT NULL,
        trained_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE triage_llm_usage (
        shop_id           text NOT NULL,
        day               date NOT NULL,
        prompt_tokens     bigint NOT NULL DEFAULT 0,
        completion_tokens bigint NOT NULL DEFAULT 0,
        requests          integer NOT NULL DEFAULT 0,
        updated_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop_id, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS triage_llm_usage`);
    await q.query(`DROP TABLE IF EXISTS shop_models`);
  }
}
