import type { DraftedPayload } from '@draftdesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A drafted message as the desk received it, with triage's verdict on the customer's message. */
export interface DecidedItemRow {
  draft_id: string;
  conversation_id: string;
  created_at: Date;
  payload: DraftedPayload;
  /** What the conversations service stored of triage's verdict; null for a message it does not have. */
  triage: Record<string, unknown> | null;
}

/**
 * The shop's most recent drafted messages for the policy preview: the desk's review items (the draft, its decision
 * and reasons, its order) and the triage the conversations service stored on each customer message.
 */
@Injectable()
export class PolicyPreviewReadModel {
  constructor(private readonly db: DataSource) {}

  latest(shopId: string, limit: number): Promise<DecidedItemRow[]> {
    return this.db.query(
      `SELECT i.draft_id, i.conversation_id, i.created_at, i.payload, m.triage
         FROM review_items i
         LEFT JOIN messages m ON m.id = (i.payload->>'messageId')::uuid
        WHERE i.shop_id = $1
        ORDER BY i.created_at DESC, i.draft_id DESC
        LIMIT $2`,
      [shopId, limit],
    );
  }
}
