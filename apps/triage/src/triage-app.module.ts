import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { TriageModule } from './triage/triage.module';
import { TriageOptions } from './triage/triage.options';

@Module({})
export class TriageAppModule {
  static forRoot(config: ServiceConfig, options: TriageOptions): DynamicModule {
    return {
      module: TriageAppModule,
      imports: [InfrastructureModule.forService('triage', config), TriageModule.register(options)],
    };
  }
}
