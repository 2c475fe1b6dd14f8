import { modelTokens } from '@draftdesk/observability';

export interface TokenBudgetOptions {
  /** Tokens a shop may use per window; 0 or less means no language-model drafting at all. */
  tokensPerWindow: number;
  windowMs: number;
  now?: () => number;
}

/** Per-shop token spending over a fixed window, counted from the usage each response reports. */
export class TokenBudget {
  private readonly spent = new Map<string, { since: number; tokens: number }>();
  private readonly now: () => number;

  constructor(private readonly options: TokenBudgetOptions) {
    this.now = options.now ?? Date.now;
  }

  private current(shopId: string): { since: number; tokens: number } {
    const now = this.now();
    let entry = this.spent.get(shopId);
    if (!entry || now - entry.since >= this.options.windowMs) {
      entry = { since: now, tokens: 0 };
      this.spent.set(shopId, entry);
    }
    return entry;
  }

  remaining(shopId: string): number {
    return Math.max(0, this.options.tokensPerWindow - this.current(shopId).tokens);
  }

  record(shopId: string, tokens: number): void {
    if (!Number.isFinite(tokens) || tokens <= 0) return;
    this.current(shopId).tokens += tokens;
    modelTokens.inc({ component: 'drafter' }, tokens);
  }
}
