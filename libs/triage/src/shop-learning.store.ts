import { IntentExample, IntentModel, IntentTrainOptions, MODEL_EPOCHS } from './intent.model';

/**
 * Runs one SQL statement and returns its rows: a pg client's rows (pgRows of the database library) or a TypeORM
 * EntityManager's, so this library needs no database driver.
 */
export type SqlQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

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
