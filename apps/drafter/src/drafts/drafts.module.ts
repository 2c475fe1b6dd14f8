import { DynamicModule, Module } from '@nestjs/common';
import { DRAFTER_OPTIONS, DrafterOptions } from './drafter.options';
import { DraftsConsumer } from './drafts.consumer';
import { DraftsService } from './drafts.service';

@Module({})
export class DraftsModule {
  static register(options: DrafterOptions): DynamicModule {
    return {
      module: DraftsModule,
      providers: [{ provide: DRAFTER_OPTIONS, useValue: options }, DraftsService, DraftsConsumer],
    };
  }
}
