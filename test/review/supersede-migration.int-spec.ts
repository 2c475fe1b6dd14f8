import { dataSourceOptions, MIGRATIONS, runMigrations } from '@draftdesk/database';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../support/database';
import { seedItem } from './review-fixtures';

/** The migration that brings one open draft per conversation, run over a database that already holds several. */
describe('migration SupersededDrafts on existing data', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('supersede_migration', { migrate: false });
    const before = new DataSource({
      ...dataSourceOptions({ url: db.url, poolSize: 2 }),
      migrations: MIGRATIONS.filter((m) => m.name !== 'SupersededDrafts1764209500000'),
    });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    await before.destroy();
  });

  afterAll(() => db?.drop());

  it('numbers the messages, keeps the newest open draft of a conversation and supersedes the others by it', async () => {
    const first = await seedItem(db);
    // A follow-up that was drafted before drafts superseded each other: two pending drafts in one conversation.
    const second = await seedItem(db);
    await db.query(`UPDATE messages SET conversation_id = $1, created_at = now() + interval '1 minute' WHERE id = $2`, [
      first.conversationId,
      second.messageId,
    ]);
    await db.query(
      `UPDATE review_items SET conversation_id = $1, created_at = now() + interval '1 minute' WHERE draft_id = $2`,
      [first.conversationId, second.draftId],
    );
    const elsewhere = await seedItem(db);

    expect(await runMigrations({ url: db.url, poolSize: 2 })).toEqual(['SupersededDrafts1764209500000']);

    const messages = await db.query<{ id: string; sequence: number }>(
      `SELECT id, sequence FROM messages WHERE conversation_id = $1 ORDER BY sequence`,
      [first.conversationId],
    );
    expect(messages).toEqual([
      { id: first.messageId, sequence: 1 },
      { id: second.messageId, sequence: 2 },
    ]);
    const [conversation] = await db.query<{ last_sequence: number }>(
      `SELECT last_sequence FROM conversations WHERE id = $1`,
      [first.conversationId],
    );
    expect(conversation.last_sequence).toBe(2);
    const items = await db.query<{
      draft_id: string;
      status: string;
      message_sequence: number;
      superseded_by_draft_id: string | null;
    }>(
      `SELECT draft_id, status, message_sequence, superseded_by_draft_id FROM review_items ORDER BY message_sequence, created_at`,
    );
    expect(items).toEqual(
      expect.arrayContaining([
        { draft_id: first.draftId, status: 'superseded', message_sequence: 1, superseded_by_draft_id: second.draftId },
        { draft_id: second.draftId, status: 'pending', message_sequence: 2, superseded_by_draft_id: null },
        { draft_id: elsewhere.draftId, status: 'pending', message_sequence: 1, superseded_by_draft_id: null },
      ]),
    );
    const [view] = await db.query(
      `SELECT status, superseded_by_message_id FROM conversation_drafts WHERE draft_id = $1`,
      [first.draftId],
    );
    expect(view).toEqual({ status: 'superseded', superseded_by_message_id: second.messageId });
    // The next message of the conversation continues the numbering.
    await expect(
      db.query(
        `INSERT INTO messages (id, conversation_id, direction, channel, external_message_id, from_address, occurred_at, sequence)
                VALUES ($1, $2, 'inbound', 'email', $3, 'x@example.test', now(), 2)`,
        [randomUUID(), first.conversationId, `<${randomUUID()}@x>`],
      ),
    ).rejects.toThrow(/messages_sequence/);
  });
});
