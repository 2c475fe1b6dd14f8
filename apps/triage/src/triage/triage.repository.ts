// Owns: triage_results, triage_llm_usage
import { Triage } from '@draftdesk/contracts';
import { SqlQuery, SqlTokenUsageStore, TokenUsageStore } from '@draftdesk/nlp';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Triage results, the daily token spend of the LLM engine, and the connection the triage library's reads run on. */
@Injectable()
export class TriageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Token spend is written outside the inbox transaction: tokens spent stay spent even if the transaction rolls back. */
  tokenUsage(): TokenUsageStore {
    return new SqlTokenUsageStore((sql, params) => this.dataSource.query(sql, params));
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
