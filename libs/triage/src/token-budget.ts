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
