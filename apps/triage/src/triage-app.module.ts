import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { TriageModule } from './triage/triage.module';

@Module({})
export class TriageAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return { module: TriageAppModule, imports: [InfrastructureModule.forService('triage', config), TriageModule] };
  }
}
