// Owns: review_notes, redraft_requests, triage_corrections
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

  /** The item's notes, oldest first, with their author's email. */
  notesOf(draftId: string): Promise<{ id: string; body: string; createdAt: Date; author: string | null }[]> {
    return this.db.query(
      `SELECT n.id, n.body, n.created_at AS "createdAt", u.email AS author FROM review_notes n LEFT JOIN users u ON u.id = n.author_id
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
