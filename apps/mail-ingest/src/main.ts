// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { runService } from '@draftdesk/platform';
import { MailIngestAppModule } from './mail-ingest-app.module';
import { mailIngestConfigSchema, mailIngestOptionsFromConfig } from '.';

runService('mail-ingest', mailIngestConfigSchema, (config) =>
  MailIngestAppModule.forRoot(config, mailIngestOptionsFromConfig(config)),
);
