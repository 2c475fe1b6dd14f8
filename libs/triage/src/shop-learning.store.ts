import { IntentExample, IntentModel, IntentTrainOptions, MODEL_EPOCHS } from './intent.model';
import { TokenUsageStore } from './token-budget';

/**
 * Runs one SQL statement and returns its rows. Adapts a pg client (`(s, p) => client.query(s, p).then(r => r.rows)`)
 * or a TypeORM EntityManager (`(s, p) => manager.query(s, p)`), so this library needs no database driver.
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

/**
 * Daily token spend in `triage_llm_usage` (triage) or `drafter_llm_usage` (drafting); one upsert per completion, so
 * concurrent replicas add up correctly.
 */
export class SqlTokenUsageStore implements TokenUsageStore {
  constructor(
    private readonly query: SqlQuery,
    private readonly table: 'triage_llm_usage' | 'drafter_llm_usage' = 'triage_llm_usage',
  ) {}

  async spent(shopId: string, day: string): Promise<number> {
    const [row] = await this.query(
      `SELECT prompt_tokens + completion_tokens AS spent FROM ${this.table} WHERE shop_id = $1 AND day = $2::date`,
      [shopId, day],
    );
    return row ? Number(row.spent) : 0;
  }

  async record(shopId: string, day: string, usage: { promptTokens: number; completionTokens: number }): Promise<void> {
    await this.query(
      `INSERT INTO ${this.table} AS u (shop_id, day, prompt_tokens, completion_tokens, requests) VALUES ($1, $2::date, $3, $4, 1)
       ON CONFLICT (shop_id, day) DO UPDATE SET prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
         completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
         requests = u.requests + 1, updated_at = now()`,
      [shopId, day, usage.promptTokens, usage.completionTokens],
    );
  }
}
