import {
  EmbeddedTriageEngine,
  loadShopModel,
  readShopIntents,
  ShopIntent,
  shopModelTrainedAt,
  SqlQuery,
} from '@draftdesk/triage';
import { Inject, Injectable } from '@nestjs/common';
import { TRIAGE_OPTIONS, TriageOptions } from './triage.options';

/** What triage needs to know about one shop: its embedded engine and the intents it defined itself. */
export interface ShopTriageProfile {
  engine: EmbeddedTriageEngine;
  intents: ShopIntent[];
}

interface Entry extends ShopTriageProfile {
  trainedAt: string | null;
  checkedAt: number;
}

/**
 * The embedded engine per shop: a shop's own model (shop_models) when one was trained, the shipped model otherwise,
 * with the shop's custom intents (shop_intents). Each replica re-checks a shop at most every `modelRefreshMs`, so a
 * retrained model or a new intent arrives without a restart and a message costs no extra query in between.
 */
@Injectable()
export class ShopModelsService {
  private readonly shipped = new EmbeddedTriageEngine();
  private readonly shops = new Map<string, Entry>();

  constructor(@Inject(TRIAGE_OPTIONS) private readonly options: TriageOptions) {}

  async engineFor(query: SqlQuery, shopId: string, now = Date.now()): Promise<EmbeddedTriageEngine> {
    return (await this.profileFor(query, shopId, now)).engine;
  }

  async profileFor(query: SqlQuery, shopId: string, now = Date.now()): Promise<ShopTriageProfile> {
    const cached = this.shops.get(shopId);
    if (cached && now - cached.checkedAt < this.options.modelRefreshMs) return cached;
    const [trainedAt, intents] = [await shopModelTrainedAt(query, shopId), await readShopIntents(query, shopId)];
    if (cached && cached.trainedAt === trainedAt) {
      Object.assign(cached, { checkedAt: now, intents });
      return cached;
    }
    const loaded = trainedAt ? await loadShopModel(query, shopId) : null;
    const entry: Entry = {
      engine: loaded ? new EmbeddedTriageEngine(loaded.model) : this.shipped,
      intents,
      trainedAt: loaded?.trainedAt ?? null,
      checkedAt: now,
    };
    this.shops.set(shopId, entry);
    return entry;
  }
}
