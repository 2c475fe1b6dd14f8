import { DynamicModule, Module } from '@nestjs/common';
import { ShopModelsService } from './shop-models.service';
import { TriageConsumer } from './triage.consumer';
import { DEFAULT_TRIAGE_OPTIONS, TRIAGE_OPTIONS, TriageOptions } from './triage.options';
import { TriageRepository } from './triage.repository';
import { TriageService } from './triage.service';

const PROVIDERS = [ShopModelsService, TriageRepository, TriageService, TriageConsumer];

/** Imported bare (embedded mode) it runs the embedded engine with shop models; `register` configures it. */
@Module({ providers: [{ provide: TRIAGE_OPTIONS, useValue: DEFAULT_TRIAGE_OPTIONS }, ...PROVIDERS] })
export class TriageModule {
  static register(options: TriageOptions): DynamicModule {
    return { module: TriageModule, providers: [{ provide: TRIAGE_OPTIONS, useValue: options }, ...PROVIDERS] };
  }
}
