import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { DrafterOptions } from './drafts/drafter.options';
import { DraftsModule } from './drafts/drafts.module';

@Module({})
export class DrafterAppModule {
  static forRoot(config: ServiceConfig, options: DrafterOptions): DynamicModule {
    return {
      module: DrafterAppModule,
      imports: [InfrastructureModule.forService('drafter', config), DraftsModule.register(options)],
    };
  }
}
