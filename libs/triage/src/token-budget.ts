import type { SqlQuery } from './shop-learning.store';
/**
 * Where a shop's language-model token spend per day is kept: the one token budget of triage and drafting. The
 * services store it in Postgres (`triage_llm_usage`, `drafter_llm_usage`), so every replica counts against the same
 * budget; the in-memory one serves the CLI and tests.
 */
export interface TokenUsageStore {
  /** Tokens the shop has spent on the given UTC day (YYYY-MM-DD). */
  spent(shopId: string, day: string): Promise<number>;
  record(shopId: string, day: string, usage: { promptTokens: number; completionTokens: number }): Promise<void>;
}

export class InMemoryTokenUsageStore implements TokenUsageStore {
  private readonly usage = new Map<string, number>();

  async spent(shopId: string, day: string): Promise<number> {
    return this.usage.get(`${shopId}\u0000${day}`) ?? 0;
  }

  async record(shopId: string, day: string, usage: { promptTokens: number; completionTokens: number }): Promise<void> {
    const key = `${shopId}\u0000${day}`;
    this.usage.set(key, (this.usage.get(key) ?? 0) + usage.promptTokens + usage.completionTokens);
  }
}

export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
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
