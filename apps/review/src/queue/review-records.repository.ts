// Owns: review_notes, note_mentions, redraft_requests, triage_corrections
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface TriageCorrection {
  shopId: string;
  draftId: string;
  messageId: string;
  conversationId: string;
  before: { intent: string | null; language: string | null; priority: string };
  intent: string | null;
  language: string | null;
  priority: string | null;
  correctedBy: string;
}

/** What agents add beside a queue item: notes, redraft requests, triage corrections (kept for training). */
@Injectable()
export class ReviewRecordsRepository {
  constructor(private readonly db: DataSource) {}

  async addNote(
    m: EntityManager,
    shopId: string,
    draftId: string,
    authorId: string,
    body: string,
  ): Promise<{ id: string; createdAt: Date }> {
    const [note] = await m.query(
      `INSERT INTO review_notes (shop_id, draft_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id, created_at AS "createdAt"`,
      [shopId, draftId, authorId, body],
    );
    return note;
  }

  /** Records who a note mentions; each colleague once. */
  async addMentions(m: EntityManager, shopId: string, noteId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await m.query(
      `INSERT INTO note_mentions (note_id, user_id, shop_id) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
      [noteId, [...new Set(userIds)], shopId],
    );
  }

  /** Of these user ids, those without a role in the shop (unknown ids included). */
  async strangersTo(m: EntityManager, shopId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM unnest($1::uuid[]) AS wanted(id)
        WHERE NOT EXISTS (SELECT 1 FROM memberships ms JOIN users u ON u.id = ms.user_id
                           WHERE ms.user_id = wanted.id AND ms.shop_id = $2 AND NOT u.disabled)`,
      [[...userIds], shopId],
    );
    return rows.map((r) => r.id);
  }

  /** The item's notes, oldest first, with their author's email and the colleagues each mentions. */
  notesOf(draftId: string): Promise<
    {
      id: string;
      body: string;
      createdAt: Date;
      author: string | null;
      mentions: { id: string; email: string; name: string }[];
    }[]
  > {
    return this.db.query(
      `SELECT n.id, n.body, n.created_at AS "createdAt", u.email AS author,
              coalesce((SELECT json_agg(json_build_object('id', mu.id, 'email', mu.email, 'name', mu.name) ORDER BY mu.email)
                          FROM note_mentions nm JOIN users mu ON mu.id = nm.user_id WHERE nm.note_id = n.id), '[]') AS mentions
         FROM review_notes n LEFT JOIN users u ON u.id = n.author_id
        WHERE n.draft_id = $1 ORDER BY n.id`,
      [draftId],
    );
  }

  async recordRedraftRequest(
    m: EntityManager,
    shopId: string,
    draftId: string,
    instruction: string,
    requestedBy: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO redraft_requests (shop_id, draft_id, instruction, requested_by) VALUES ($1, $2, $3, $4)`,
      [shopId, draftId, instruction, requestedBy],
    );
  }

  async recordTriageCorrection(m: EntityManager, c: TriageCorrection): Promise<void> {
    await m.query(
      `INSERT INTO triage_corrections (shop_id, draft_id, message_id, conversation_id, before, intent, language, priority, corrected_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        c.shopId,
        c.draftId,
        c.messageId,
        c.conversationId,
        JSON.stringify(c.before),
        c.intent,
        c.language,
        c.priority,
        c.correctedBy,
      ],
    );
  }
}
