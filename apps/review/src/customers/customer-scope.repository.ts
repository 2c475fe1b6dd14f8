import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Which conversations a shop may show. Conversations carry no shop of their own: one belongs to the shops whose
 * review queue holds a draft of it, so a customer is a shop's customer through those drafts.
 */
@Injectable()
export class CustomerScopeRepository {
  constructor(private readonly db: DataSource) {}

  async conversationOfDraft(draftId: string, shopId: string): Promise<string | null> {
    const [row] = await this.db.query(`SELECT conversation_id FROM review_items WHERE draft_id = $1 AND shop_id = $2`, [
      draftId,
      shopId,
    ]);
    return row?.conversation_id ?? null;
  }

  /** Of these conversations, those with a draft in the shop's queue. */
  async inShop(conversationIds: readonly string[], shopId: string): Promise<Set<string>> {
    if (conversationIds.length === 0) return new Set();
    const rows: { conversation_id: string }[] = await this.db.query(
      `SELECT DISTINCT conversation_id FROM review_items WHERE shop_id = $1 AND conversation_id = ANY($2::uuid[])`,
      [shopId, [...conversationIds]],
    );
    return new Set(rows.map((r) => r.conversation_id));
  }
}
