// Owns: triage_results, triage_llm_usage
import { Triage } from '@draftdesk/contracts';
import { SqlQuery, TokenUsageStore } from '@draftdesk/nlp';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Triage results, the daily token spend of the language-model engine, and the connection the triage library's reads
 * run on. Token spend is written outside the inbox transaction: tokens spent stay spent even if it rolls back.
 */
@Injectable()
export class TriageRepository implements TokenUsageStore {
  constructor(private readonly dataSource: DataSource) {}

  async spent(shopId: string, day: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT prompt_tokens + completion_tokens AS spent FROM triage_llm_usage WHERE shop_id = $1 AND day = $2::date`,
      [shopId, day],
    );
    return row ? Number(row.spent) : 0;
  }

  /** One upsert per completion, so concurrent replicas add up correctly. */
  async record(shopId: string, day: string, usage: { promptTokens: number; completionTokens: number }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO triage_llm_usage (shop_id, day, prompt_tokens, completion_tokens, requests) VALUES ($1, $2::date, $3, $4, 1)
       ON CONFLICT (shop_id, day) DO UPDATE SET prompt_tokens = triage_llm_usage.prompt_tokens + EXCLUDED.prompt_tokens,
         completion_tokens = triage_llm_usage.completion_tokens + EXCLUDED.completion_tokens,
         requests = triage_llm_usage.requests + 1, updated_at = now()`,
      [shopId, day, usage.promptTokens, usage.completionTokens],
    );
  }

  /** The triage library's reads (shop models, shop intents) inside the caller's transaction. */
  reader(m: EntityManager): SqlQuery {
    return (sql, params) => m.query(sql, params);
  }

  /** False when this message was triaged before. */
  async store(m: EntityManager, conversationId: string, messageId: string, triage: Triage): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO triage_results (message_id, conversation_id, result) VALUES ($1, $2, $3)
       ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
      [messageId, conversationId, JSON.stringify(triage)],
    );
    return rows.length > 0;
  }
}
