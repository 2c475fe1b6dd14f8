import { DynamicModule, Module } from '@nestjs/common';
import { KbController } from '../kb/kb.controller';
import { KbTokenAuthenticator } from '../kb/kb-token.authenticator';
import { DRAFTER_OPTIONS, DrafterOptions } from './drafter.options';
import { DraftsConsumer } from './drafts.consumer';
import { DraftRepository } from './draft.repository';
import { DraftsService } from './drafts.service';

@Module({})
export class DraftsModule {
  static register(options: DrafterOptions): DynamicModule {
    return {
      module: DraftsModule,
      controllers: [KbController],
      providers: [
        { provide: DRAFTER_OPTIONS, useValue: options },
        DraftRepository,
        DraftsService,
        DraftsConsumer,
        KbTokenAuthenticator,
      ],
    };
  }
}
