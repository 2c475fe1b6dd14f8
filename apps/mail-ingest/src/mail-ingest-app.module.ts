import { InfrastructureModule, ServiceConfig } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { MailIngestModule } from './ingest/mail-ingest.module';
import { MailIngestOptions } from './ingest/mail-ingest.options';

@Module({})
export class MailIngestAppModule {
  static forRoot(config: ServiceConfig, options: MailIngestOptions): DynamicModule {
    return {
      module: MailIngestAppModule,
      imports: [InfrastructureModule.forService('mail-ingest', config), MailIngestModule.register(options)],
    };
  }
}
