import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ConversationDraft {
  draftId: string;
  messageId: string;
  status: string;
  decision: string;
  body: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  supersededByMessageId: string | null;
  supersededAt: Date | null;
  createdAt: Date;
}

/** The review desk's drafts of a conversation, as other services may read them: the conversation_drafts view. */
@Injectable()
export class ConversationDraftsReadModel {
  constructor(private readonly db: DataSource) {}

  /** Every draft of the conversation, superseded ones included, oldest first. */
  ofConversation(conversationId: string): Promise<ConversationDraft[]> {
    return this.db.query(
      `SELECT draft_id AS "draftId", message_id AS "messageId", status, decision, body, decided_by AS "decidedBy",
              decided_at AS "decidedAt", superseded_by_message_id AS "supersededByMessageId", superseded_at AS "supersededAt",
              created_at AS "createdAt"
         FROM conversation_drafts WHERE conversation_id = $1 ORDER BY created_at, draft_id`,
      [conversationId],
    );
  }
}
