// A read across services (SELECT only), named in docs/architecture.md: review owns triage_corrections and
// review_items, the drafter drafts, conversations the messages.
import type { IntentExample } from './intent.model';
import type { SqlQuery } from './shop-learning.store';

export interface LabelledMessage extends IntentExample {
  messageId: string;
  source: 'correction' | 'approved';
}

/**
 * A shop's labelled history: what reviewers corrected (the latest correction per message wins) and the intents of
 * drafts a person approved unchanged. Auto-sent drafts are left out: they would teach the model its own guesses.
 */
export async function readLabelledHistory(query: SqlQuery, shopId: string): Promise<LabelledMessage[]> {
  const rows = await query(
    `WITH corrected AS (
       SELECT DISTINCT ON (c.message_id) c.message_id, c.intent
         FROM triage_corrections c
        WHERE c.shop_id = $1 AND c.intent IS NOT NULL
        ORDER BY c.message_id, c.created_at DESC, c.id DESC
     ), approved AS (
       SELECT d.message_id, COALESCE(r.intent, d.intent) AS intent
         FROM review_items r JOIN drafts d ON d.id = r.draft_id
        WHERE r.shop_id = $1 AND r.status = 'approved'
          AND NOT EXISTS (SELECT 1 FROM corrected c WHERE c.message_id = d.message_id)
     ), labelled AS (
       SELECT message_id, intent, 'correction' AS source FROM corrected
       UNION ALL
       SELECT message_id, intent, 'approved' AS source FROM approved
     )
     SELECT l.message_id::text AS message_id, l.intent, l.source, m.subject,
            COALESCE(NULLIF(m.new_text, ''), m.text) AS text
       FROM labelled l JOIN messages m ON m.id = l.message_id
      ORDER BY l.message_id`,
    [shopId],
  );
  return rows
    .map((r) => ({
      messageId: String(r.message_id),
      intent: String(r.intent),
      source: r.source as LabelledMessage['source'],
      text: String(r.text ?? '').trim() || String(r.subject ?? '').trim(),
      group: `shop:${r.message_id}`,
    }))
    .filter((r) => r.text && r.intent);
}

/** The labelled history, read on the connection it is given. */
export class LabelledHistoryReadModel {
  constructor(private readonly sql: SqlQuery) {}

  read(shopId: string): Promise<LabelledMessage[]> {
    return readLabelledHistory(this.sql, shopId);
  }
}
