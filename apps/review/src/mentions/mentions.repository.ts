// Reads note_mentions (review_notes' mentions, written with the note by ReviewRecordsRepository) and the shop's users.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Mention {
  noteId: string;
  draftId: string;
  conversationId: string;
  subject: string;
  body: string;
  author: string | null;
  createdAt: Date;
}

export interface Colleague {
  id: string;
  email: string;
  name: string;
}

/** The most unread mentions one answer lists, newest first. */
export const MENTIONS_LIMIT = 50;

/** A user's mentions in one shop, and the colleagues a note may mention. */
@Injectable()
export class MentionsRepository {
  constructor(private readonly db: DataSource) {}

  unread(userId: string, shopId: string, limit = MENTIONS_LIMIT): Promise<Mention[]> {
    return this.db.query(
      `SELECT n.id AS "noteId", n.draft_id AS "draftId", r.conversation_id AS "conversationId",
              coalesce(r.payload->>'subject', '') AS subject, n.body, u.email AS author, n.created_at AS "createdAt"
         FROM note_mentions nm
         JOIN review_notes n ON n.id = nm.note_id
         JOIN review_items r ON r.draft_id = n.draft_id
         LEFT JOIN users u ON u.id = n.author_id
        WHERE nm.user_id = $1 AND nm.shop_id = $2 AND nm.read_at IS NULL
        ORDER BY n.id DESC
        LIMIT $3`,
      [userId, shopId, limit],
    );
  }

  async unreadCount(userId: string, shopId: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM note_mentions WHERE user_id = $1 AND shop_id = $2 AND read_at IS NULL`,
      [userId, shopId],
    );
    return row.n;
  }

  /** Marks the user's own mentions read; another user's are left alone. Answers how many changed. */
  async markRead(userId: string, shopId: string, noteIds: readonly string[]): Promise<number> {
    const [row] = await this.db.query(
      `WITH marked AS (
         UPDATE note_mentions SET read_at = now()
          WHERE user_id = $1 AND shop_id = $2 AND read_at IS NULL AND note_id = ANY($3::bigint[])
         RETURNING note_id)
       SELECT count(*)::int AS n FROM marked`,
      [userId, shopId, [...noteIds]],
    );
    return row.n;
  }

  /** Everyone with a role in the shop who can sign in: whom a note may mention. */
  colleagues(shopId: string): Promise<Colleague[]> {
    return this.db.query(
      `SELECT u.id, u.email, u.name FROM memberships ms JOIN users u ON u.id = ms.user_id
        WHERE ms.shop_id = $1 AND NOT u.disabled ORDER BY lower(coalesce(nullif(u.name, ''), u.email))`,
      [shopId],
    );
  }
}
