import { parse } from 'csv-parse/sync';
import { IntentExample } from './intent.model';
import { INTENTS } from '@draftdesk/contracts';
import type { SqlQuery } from './shop-learning.store';

/** An intent a shop defines itself, beside the 28 standard ones, with the example texts that teach it. */
export interface ShopIntent {
  intent: string;
  description: string;
  examples: string[];
}

export const CUSTOM_INTENT_NAME = /^[a-z][a-z0-9_]{2,62}$/;
export const MAX_INTENT_EXAMPLES = 1_000;
const MAX_EXAMPLE_LENGTH = 2_000;
const MAX_DESCRIPTION_LENGTH = 500;

/**
 * What is wrong with a custom intent, or nothing. Names of the standard intents are refused (a shop teaches those
 * through corrections), and so are names that collide with object properties, because drafter tables are looked up by
 * intent name.
 */
export function customIntentProblems(intent: ShopIntent): string[] {
  const problems: string[] = [];
  if (!CUSTOM_INTENT_NAME.test(intent.intent))
    problems.push(`intent "${intent.intent}" must be 3–63 of a-z, 0-9 and _, starting with a letter`);
  else if (INTENTS.includes(intent.intent))
    problems.push(`intent "${intent.intent}" is a standard intent; correct messages to teach it instead`);
  else if (intent.intent in Object.prototype) problems.push(`intent "${intent.intent}" is a reserved word`);
  if (intent.description.length > MAX_DESCRIPTION_LENGTH)
    problems.push(`description is longer than ${MAX_DESCRIPTION_LENGTH} characters`);
  if (intent.examples.length === 0) problems.push('at least one example is required');
  if (intent.examples.length > MAX_INTENT_EXAMPLES) problems.push(`at most ${MAX_INTENT_EXAMPLES} examples`);
  const long = intent.examples.findIndex((e) => e.length > MAX_EXAMPLE_LENGTH);
  if (long >= 0) problems.push(`example ${long + 1} is longer than ${MAX_EXAMPLE_LENGTH} characters`);
  return problems;
}

/** Trims, drops blanks and duplicates (case-insensitively), keeping the first spelling. */
export function cleanExamples(examples: string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of examples) {
    const text = raw.replace(/\s+/g, ' ').trim();
    const key = text.toLowerCase();
    if (text && !seen.has(key)) {
      seen.add(key);
      kept.push(text);
    }
  }
  return kept;
}

/**
 * Example texts from a file: `.csv` takes the `text` column when the header has one (else the first column);
 * anything else is one example per line, `#` starting a comment line.
 */
export function parseExamplesFile(content: string, fileName: string): string[] {
  if (/\.csv$/i.test(fileName)) {
    const rows = parse(content, { skip_empty_lines: true, bom: true, relax_column_count: true }) as string[][];
    if (!rows.length) return [];
    const header = rows[0].map((h) => h.trim().toLowerCase());
    const column = header.indexOf('text');
    return cleanExamples(column >= 0 ? rows.slice(1).map((r) => r[column] ?? '') : rows.map((r) => r[0] ?? ''));
  }
  return cleanExamples(
    content
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => !line.trim().startsWith('#')),
  );
}

/** Training examples for a shop's model; each example is its own calibration group, as a reviewer's correction is. */
export function customIntentExamples(intents: ShopIntent[]): IntentExample[] {
  return intents.flatMap((i) =>
    i.examples.map((text, n) => ({ text, intent: i.intent, group: `custom:${i.intent}:${n}` })),
  );
}

export async function readShopIntents(query: SqlQuery, shopId: string): Promise<ShopIntent[]> {
  const rows = await query(
    `SELECT intent, description, examples FROM shop_intents WHERE shop_id = $1 ORDER BY intent`,
    [shopId],
  );
  return rows.map((r) => ({
    intent: String(r.intent),
    description: String(r.description ?? ''),
    examples: (r.examples as string[]) ?? [],
  }));
}

/**
 * Creates or updates a shop's intent. `mode: 'merge'` adds examples to those stored (the CLI's `intents add`);
 * `'replace'` stores exactly the given ones. The merge happens in the statement, so concurrent adds lose nothing; a
 * merge past MAX_INTENT_EXAMPLES fails on the table's check constraint.
 */
export async function saveShopIntent(
  query: SqlQuery,
  shopId: string,
  intent: ShopIntent,
  mode: 'merge' | 'replace' = 'merge',
): Promise<ShopIntent> {
  const problems = customIntentProblems(intent);
  if (problems.length) throw new ShopIntentError(problems);
  const examples = cleanExamples(intent.examples);
  const [row] = await query(
    `INSERT INTO shop_intents (shop_id, intent, description, examples) VALUES ($1, $2, $3, $4::text[])
     ON CONFLICT (shop_id, intent) DO UPDATE SET
       description = CASE WHEN EXCLUDED.description = '' THEN shop_intents.description ELSE EXCLUDED.description END,
       examples = CASE WHEN $5::boolean THEN EXCLUDED.examples
                  ELSE shop_intents.examples || ARRAY(SELECT e FROM unnest(EXCLUDED.examples) e
                                                      WHERE lower(e) <> ALL (SELECT lower(x) FROM unnest(shop_intents.examples) x)) END,
       updated_at = now()
     RETURNING intent, description, examples`,
    [shopId, intent.intent, intent.description.trim(), examples, mode === 'replace'],
  );
  return { intent: String(row.intent), description: String(row.description), examples: row.examples as string[] };
}

/** Returns whether the intent existed. */
export async function deleteShopIntent(query: SqlQuery, shopId: string, intent: string): Promise<boolean> {
  const rows = await query(`DELETE FROM shop_intents WHERE shop_id = $1 AND intent = $2 RETURNING intent`, [
    shopId,
    intent,
  ]);
  return rows.length > 0;
}

export class ShopIntentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ShopIntentError';
  }
}
