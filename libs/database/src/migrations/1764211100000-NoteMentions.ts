import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * @mentions in agents' notes: one row per colleague a note names, kept with the note, read or not. The mentioned
 * user sees their unread ones (GET /v1/mentions) until they mark them read.
 */
export class NoteMentions1764211100000 implements MigrationInterface {
  name = 'NoteMentions1764211100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE note_mentions (
        note_id    bigint NOT NULL REFERENCES review_notes(id) ON DELETE CASCADE,
        user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        shop_id    text NOT NULL,
        read_at    timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (note_id, user_id)
      )`);
    await q.query(
      `CREATE INDEX note_mentions_unread ON note_mentions (user_id, shop_id, note_id) WHERE read_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS note_mentions`);
  }
}
