// Owns: triage_results, triage_llm_usage (its SQL is the triage library's SqlTokenUsageStore)
import { Triage } from '@draftdesk/contracts';
import { SqlQuery, SqlTokenUsageStore, TokenUsageStore } from '@draftdesk/triage';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Triage results, the daily token spend of the language-model engine, and the connection the triage library's reads
 * run on. Token spend is written outside the inbox transaction: tokens spent stay spent even if it rolls back.
 */
@Injectable()
export class TriageRepository implements TokenUsageStore {
  constructor(private readonly dataSource: DataSource) {}

  private readonly usage = new SqlTokenUsageStore(
    (sql, params) => this.dataSource.query(sql, params),
    'triage_llm_usage',
  );

  spent(shopId: string, day: string): Promise<number> {
    return this.usage.spent(shopId, day);
  }

  /** One upsert per completion, so concurrent replicas add up correctly. */
  record(shopId: string, day: string, usage: { promptTokens: number; completionTokens: number }): Promise<void> {
    return this.usage.record(shopId, day, usage);
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
