// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { ConfigError, loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { z } from 'zod';
import { MailIngestAppModule } from './mail-ingest-app.module';
import { MailIngestOptions, mailIngestConfigShape, mailIngestOptionsFromConfig } from './ingest/mail-ingest.options';

const service = 'mail-ingest';
const config = loadConfigOrExit(service, {
  ...serviceConfigShape(3003),
  ...mailIngestConfigShape,
  // The standalone service watches one mailbox from its environment; more come from the database and API.
  IMAP_HOST: z.string().min(1),
  IMAP_USER: z.string().min(1),
  IMAP_PASSWORD: z.string().min(1),
});
let options: MailIngestOptions;
try {
  options = mailIngestOptionsFromConfig(config);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${service}: refusing to start, ${error.message}\n`);
  process.exit(78); // EX_CONFIG, as loadConfigOrExit
}
startService({
  service,
  module: MailIngestAppModule.forRoot(config, options),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
