import { DraftedPayload, TriagedPayload } from '@draftdesk/contracts';
import { decide, DraftResult, findOrder, loadSampleShop, LoadedShop, OfflineDrafter, selectSnippets } from '@draftdesk/llm';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DRAFTER_OPTIONS, DrafterOptions } from './drafter.options';

const REPLY_PREFIX: Record<string, string> = { nl: 'Re', de: 'AW', fr: 'RE', en: 'Re' };

@Injectable()
export class DraftsService {
  private readonly shop: LoadedShop;
  private readonly drafter = new OfflineDrafter();

  constructor(@Inject(DRAFTER_OPTIONS) private readonly options: DrafterOptions) {
    this.shop = loadSampleShop(options.shopDir);
  }

  /** Drafts the reply and asks the policy gate what may happen with it. Automated mail gets no draft at all. */
  async compose(message: TriagedPayload): Promise<DraftedPayload> {
    const { triage } = message;
    const draftId = randomUUID();
    const orderNumber = triage.entities.find((e) => e.type === 'order_number')?.value;
    const orderFacts = findOrder(this.shop.orders, { orderNumber, email: message.customer.address });
    const snippets = selectSnippets(this.shop.snippets, triage.intent, triage.language, message.text);
    let draft: DraftResult | null = null;
    if (!message.automated.automated) {
      draft = await this.drafter.draft({
        shop: this.shop.shop,
        language: triage.language,
        intent: triage.intent,
        customerName: message.customer.name || null,
        customerText: message.text,
        orderFacts,
        snippets,
        history: message.history,
      });
    }
    const gate = decide({
      policy: this.shop.policy,
      shop: this.shop.shop,
      triage,
      automated: message.automated.automated,
      draft,
      sources: { customerText: message.text, snippets, orderFacts },
    });
    return {
      draftId,
      messageId: message.messageId,
      channel: message.channel,
      to: { address: message.customer.address, name: message.customer.name },
      mailbox: message.mailbox,
      subject: this.replySubject(message.subject, triage.language),
      body: gate.decision === 'ignore' ? null : (draft?.body ?? null),
      language: triage.language,
      intent: triage.intent,
      confidence: gate.confidence,
      decision: gate.decision,
      reasons: gate.reasons,
      citations: draft?.citations ?? [],
      reply: { messageId: `${draftId}@${this.options.messageIdDomain}`, ...message.reply },
      chat: message.chat,
      customerText: message.text,
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
