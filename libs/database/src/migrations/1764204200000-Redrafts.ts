import { MigrationInterface, QueryRunner } from 'typeorm';

export class Redrafts1764204200000 implements MigrationInterface {
  name = 'Redrafts1764204200000';

  async up(q: QueryRunner): Promise<void> {
    // A reviewer may ask for a new draft of the same message: several drafts per message, numbered by revision,
    // each keeping the triaged message it was written from (source) so the drafter can write it again.
    await q.query(`
      ALTER TABLE drafts
        ADD COLUMN revision    integer NOT NULL DEFAULT 0,
        ADD COLUMN source      jsonb,
        ADD COLUMN instruction text`);
    await q.query(`ALTER TABLE drafts DROP CONSTRAINT IF EXISTS drafts_message_id_key`);
    await q.query(`CREATE UNIQUE INDEX drafts_message_revision ON drafts (message_id, revision)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS drafts_message_revision`);
    await q.query(`DELETE FROM drafts WHERE revision > 0`);
    await q.query(`ALTER TABLE drafts ADD CONSTRAINT drafts_message_id_key UNIQUE (message_id)`);
    await q.query(`ALTER TABLE drafts DROP COLUMN revision, DROP COLUMN source, DROP COLUMN instruction`);
  }
}
