import { DraftedPayload, TriagedPayload } from '@draftdesk/contracts';
import { composeReply, DraftProvider, KbRepository, loadSampleShop, LoadedShop, OrderConnector, PgKnowledge } from '@draftdesk/llm';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ambientQueryRunner } from '@draftdesk/database';
import { DataSource, EntityManager } from 'typeorm';
import { DRAFTER_OPTIONS, DrafterOptions } from './drafter.options';
import { buildDrafter, buildKnowledge, buildOrders } from './drafting-engine';

const REPLY_PREFIX: Record<string, string> = { nl: 'Re', de: 'AW', fr: 'RE', en: 'Re' };

@Injectable()
export class DraftsService {
  readonly shop: LoadedShop;
  readonly knowledge: PgKnowledge;
  readonly kb: KbRepository;
  private readonly drafter: DraftProvider;
  private readonly orders: OrderConnector;

  constructor(
    @Inject(DRAFTER_OPTIONS) private readonly options: DrafterOptions,
    dataSource: DataSource,
  ) {
    this.shop = loadSampleShop(options.shopDir);
    this.drafter = buildDrafter(options, this.shop);
    this.orders = buildOrders(options, this.shop);
    // Knowledge reads join the consumer's transaction (see ambientQueryRunner) instead of taking a second connection.
    this.knowledge = buildKnowledge(ambientQueryRunner(dataSource), this.shop);
    this.kb = new KbRepository(dataSource);
  }

  /** Drafts the reply and asks the policy gate what may happen with it. Automated mail gets no draft at all. */
  async compose(message: TriagedPayload): Promise<DraftedPayload> {
    const { triage } = message;
    const draftId = randomUUID();
    const result = await composeReply(
      {
        text: message.text,
        html: message.html,
        subject: message.subject,
        customer: { address: message.customer.address, name: message.customer.name },
        automated: message.automated.automated,
        history: message.history,
        triage,
      },
      { shop: this.shop.shop, policy: this.shop.policy, knowledge: this.knowledge, orders: this.orders, drafter: this.drafter },
    );
    return {
      draftId,
      messageId: message.messageId,
      channel: message.channel,
      to: { address: message.customer.address, name: message.customer.name },
      mailbox: message.mailbox,
      subject: this.replySubject(message.subject, triage.language),
      body: result.draft?.body ?? null,
      language: triage.language,
      intent: triage.intent,
      confidence: result.confidence,
      decision: result.decision,
      reasons: result.reasons,
      citations: result.draft?.citations ?? [],
      reply: { messageId: `${draftId}@${this.options.messageIdDomain}`, ...message.reply },
      chat: message.chat,
      customerText: message.text,
      ...(message.conversationToken ? { conversationToken: message.conversationToken } : {}),
    };
  }

  private replySubject(subject: string, language: string): string {
    if (/^\s*(re|aw|antw|sv)\s*:/i.test(subject)) return subject;
    return `${REPLY_PREFIX[language] ?? 'Re'}: ${subject}`.trim();
  }

  /** Returns false when a draft for this message exists already: one draft per message. */
  async store(m: EntityManager, conversationId: string, d: DraftedPayload): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO drafts (id, conversation_id, message_id, channel, language, intent, confidence, decision, reasons,
                           citations, body, outbound_message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (message_id) DO NOTHING RETURNING id`,
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
      ],
    );
    return rows.length > 0;
  }
}
