import { MessageAddedPayload, Triage } from '@draftdesk/contracts';
import { EmbeddedTriageEngine } from '@draftdesk/nlp';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

@Injectable()
export class TriageService {
  // Loaded once at start-up: the model is a few MB and prediction is pure CPU.
  private readonly engine = new EmbeddedTriageEngine();

  classify(message: MessageAddedPayload): Triage {
    const result = this.engine.triage({
      text: message.text,
      subject: message.subject,
      html: message.html,
      automated: message.automated.automated,
    });
    return {
      language: result.language,
      intent: result.intent,
      confidence: result.confidence,
      sentiment: result.sentiment,
      urgency: result.urgency,
      reasons: result.reasons,
      entities: result.entities.map((e) => ({ ...e })),
      flags: result.flags,
      engine: result.engine,
    };
  }

  /** Returns false when this message was triaged before, so the result is announced once. */
  async store(m: EntityManager, conversationId: string, messageId: string, triage: Triage): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO triage_results (message_id, conversation_id, result) VALUES ($1, $2, $3)
       ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
      [messageId, conversationId, JSON.stringify(triage)],
    );
    return rows.length > 0;
  }
}
