import { IntentExample, IntentModel, IntentTrainOptions, MODEL_EPOCHS } from './intent.model';

/**
 * Runs one SQL statement and returns its rows: a pg client's rows (pgRows of the database library) or a TypeORM
 * EntityManager's, so this library needs no database driver.
 */
export type SqlQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

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

/**
 * The labelled history as a named read across services (SELECT only): review owns triage_corrections and
 * review_items, the drafter drafts, conversations the messages.
 */
export class LabelledHistoryReadModel {
  constructor(private readonly sql: SqlQuery) {}

  read(shopId: string): Promise<LabelledMessage[]> {
    return readLabelledHistory(this.sql, shopId);
  }
}

export interface ShopTrainingResult {
  model: IntentModel;
  examples: number;
  shopExamples: number;
}

/**
 * Trains a shop's model on the project's set plus the shop's history. The shop's examples are repeated `shopWeight`
 * times: a few dozen corrections would otherwise vanish among 14,000 generic examples. Copies of one message share a
 * calibration group, so calibration never tests on a copy of a training example.
 */
export function trainShopModel(
  base: IntentExample[],
  history: IntentExample[],
  options: IntentTrainOptions & { shopWeight?: number } = {},
): ShopTrainingResult {
  const weight = Math.max(1, Math.floor(options.shopWeight ?? 3));
  const shop = history.flatMap((e, i) =>
    Array.from({ length: weight }, () => ({ ...e, group: e.group ?? `shop:${i}` })),
  );
  const examples = [...base, ...shop];
  const model = IntentModel.train(examples, { seed: 42, epochs: MODEL_EPOCHS, ...options });
  return { model, examples: examples.length, shopExamples: history.length };
}

export async function saveShopModel(query: SqlQuery, shopId: string, result: ShopTrainingResult): Promise<void> {
  await query(
    `INSERT INTO shop_models (shop_id, model, intents, examples, shop_examples, trained_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (shop_id) DO UPDATE SET model = EXCLUDED.model, intents = EXCLUDED.intents,
       examples = EXCLUDED.examples, shop_examples = EXCLUDED.shop_examples, trained_at = EXCLUDED.trained_at`,
    [shopId, JSON.stringify(result.model.toJSON()), [...result.model.classes], result.examples, result.shopExamples],
  );
}

/** When the shop's model was last trained, or null when the shop uses the shipped model. */
export async function shopModelTrainedAt(query: SqlQuery, shopId: string): Promise<string | null> {
  const [row] = await query(`SELECT trained_at::text AS trained_at FROM shop_models WHERE shop_id = $1`, [shopId]);
  return row ? String(row.trained_at) : null;
}

export async function loadShopModel(
  query: SqlQuery,
  shopId: string,
): Promise<{ model: IntentModel; trainedAt: string } | null> {
  const [row] = await query(`SELECT model, trained_at::text AS trained_at FROM shop_models WHERE shop_id = $1`, [
    shopId,
  ]);
  return row ? { model: IntentModel.fromJSON(JSON.parse(String(row.model))), trainedAt: String(row.trained_at) } : null;
}
