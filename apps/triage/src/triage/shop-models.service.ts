import { EmbeddedTriageEngine, loadShopModel, shopModelTrainedAt, SqlQuery } from '@draftdesk/nlp';
import { Inject, Injectable } from '@nestjs/common';
import { TRIAGE_OPTIONS, TriageOptions } from './triage.options';

interface Entry {
  engine: EmbeddedTriageEngine;
  trainedAt: string | null;
  checkedAt: number;
}

/**
 * The embedded engine per shop: a shop's own model (shop_models) when one was trained, the shipped model otherwise.
 * Each replica re-checks a shop's trained_at at most every `modelRefreshMs`, so a retrained model arrives without a
 * restart and a message costs no extra query in between.
 */
@Injectable()
export class ShopModelsService {
  private readonly shipped = new EmbeddedTriageEngine();
  private readonly shops = new Map<string, Entry>();

  constructor(@Inject(TRIAGE_OPTIONS) private readonly options: TriageOptions) {}

  async engineFor(query: SqlQuery, shopId: string, now = Date.now()): Promise<EmbeddedTriageEngine> {
    const cached = this.shops.get(shopId);
    if (cached && now - cached.checkedAt < this.options.modelRefreshMs) return cached.engine;
    const trainedAt = await shopModelTrainedAt(query, shopId);
    if (cached && cached.trainedAt === trainedAt) {
      cached.checkedAt = now;
      return cached.engine;
    }
    const loaded = trainedAt ? await loadShopModel(query, shopId) : null;
    const entry = { engine: loaded ? new EmbeddedTriageEngine(loaded.model) : this.shipped, trainedAt: loaded?.trainedAt ?? null, checkedAt: now };
    this.shops.set(shopId, entry);
    return entry.engine;
  }
}
