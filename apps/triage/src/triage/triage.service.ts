import { MessageAddedPayload, Triage } from '@draftdesk/contracts';
import { LlmTriageEngine, TriageResult } from '@draftdesk/triage';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { withRepeatedContact } from './repeated-contact.util';
import { ShopModelsService } from './shop-models.service';
import { TRIAGE_OPTIONS, TriageOptions } from './triage.options';
import { TriageRepository } from './triage.repository';

export const DEFAULT_SHOP = 'default';

/** Messages carry no shop yet; a producer that knows it may add `shopId` to the payload. */
export function shopOf(message: MessageAddedPayload): string {
  const shopId = (message as { shopId?: unknown }).shopId;
  return typeof shopId === 'string' && /^[\w.-]{1,100}$/.test(shopId) ? shopId : DEFAULT_SHOP;
}

@Injectable()
export class TriageService {
  private readonly llm: LlmTriageEngine | null;
  private readonly languages?: readonly string[];

  constructor(
    @Inject(TRIAGE_OPTIONS) options: TriageOptions,
    private readonly shopModels: ShopModelsService,
    private readonly results: TriageRepository,
  ) {
    this.languages = options.languages;
    this.llm =
      options.engine === 'openai' && options.openai ? new LlmTriageEngine({ ...options.openai, usage: results }) : null;
  }

  async classify(m: EntityManager, message: MessageAddedPayload): Promise<Triage> {
    const query = this.results.reader(m);
    const shopId = shopOf(message);
    const shop = await this.shopModels.profileFor(query, shopId);
    // The mail layer's verdict and the HTML travel with the text: automated mail and instructions hidden in HTML are flagged.
    const input = {
      text: message.text,
      subject: message.subject,
      html: message.html,
      automated: message.automated.automated,
      shopId,
      languages: this.languages,
    };
    const result: TriageResult = this.llm
      ? await this.llm.triage({ ...input, customIntents: shop.intents }, shop.engine)
      : shop.engine.triage(input);
    const { reasons, flags } = withRepeatedContact(result, message.recentInbound);
    return {
      language: result.language,
      intent: result.intent,
      confidence: result.confidence,
      sentiment: result.sentiment,
      urgency: result.urgency,
      reasons,
      entities: result.entities.map((e) => ({ ...e })),
      flags,
      ...(result.register ? { register: result.register } : {}),
      asks: result.asks ?? [],
      engine: result.engine,
    };
  }

  /** Returns false when this message was triaged before, so the result is announced once. */
  async store(m: EntityManager, conversationId: string, messageId: string, triage: Triage): Promise<boolean> {
    return this.results.store(m, conversationId, messageId, triage);
  }
}
