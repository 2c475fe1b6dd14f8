import { ServiceAppModule, ServiceConfig } from '@draftdesk/platform';
import { MailIngestOptions } from './ingest/mail-ingest.options';
import { MailIngestModule } from './ingest/mail-ingest.module';

/** The mail-ingest service: its feature module on the shared infrastructure. */
export const MailIngestAppModule = {
  forRoot: (config: ServiceConfig, options: MailIngestOptions) =>
    ServiceAppModule.of('mail-ingest', config, MailIngestModule.register(options)),
};
