// Owns: drafts, drafter_llm_usage (its SQL is the triage library's SqlTokenUsageStore)
import { DraftedPayload, TriagedPayload } from '@draftdesk/contracts';
import { SqlTokenUsageStore, TokenUsageStore } from '@draftdesk/triage';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What the drafter kept of a draft to write it again, and the next free revision of its message's draft. */
export interface DraftSourceRow {
  conversation_id: string;
  message_id: string;
  source: unknown;
  next_revision: number | string;
}

/** The drafts the drafter wrote, each with the triaged message it was written from. Runs in the caller's transaction. */
@Injectable()
export class DraftRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The language model's daily token spend of the drafter, outside any transaction: tokens spent stay spent. */
  tokenUsage(): TokenUsageStore {
    return new SqlTokenUsageStore((sql, params) => this.dataSource.query(sql, params), 'drafter_llm_usage');
  }

  /** False when this revision of the message's draft exists already. */
  async insert(
    m: EntityManager,
    draft: { conversationId: string; payload: DraftedPayload; source?: TriagedPayload; instruction?: string },
  ): Promise<boolean> {
    const { conversationId, payload: d, source, instruction } = draft;
    const rows = await m.query(
      `INSERT INTO drafts (id, conversation_id, message_id, channel, language, intent, confidence, decision, reasons,
                           citations, body, outbound_message_id, revision, source, instruction)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (message_id, revision) DO NOTHING RETURNING id`,
      [
        d.draftId,
        conversationId,
        d.messageId,
        d.channel,
        d.language,
        d.intent,
        d.confidence,
        d.decision,
        JSON.stringify(d.reasons),
        JSON.stringify(d.citations),
        d.body,
        d.reply.messageId,
        d.revision ?? 0,
        source ? JSON.stringify(source) : null,
        instruction ?? null,
      ],
    );
    return rows.length > 0;
  }

  async findSource(m: EntityManager, draftId: string): Promise<DraftSourceRow | null> {
    const [row] = await m.query(
      `SELECT d.conversation_id, d.message_id, d.source,
              (SELECT max(o.revision) FROM drafts o WHERE o.message_id = d.message_id) + 1 AS next_revision
         FROM drafts d WHERE d.id = $1`,
      [draftId],
    );
    return row ?? null;
  }
}
