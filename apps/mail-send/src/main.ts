// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { ConfigError, loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { z } from 'zod';
import { MailSendAppModule } from './mail-send-app.module';
import { MailSendOptions, mailSendConfigShape, mailSendOptionsFromConfig } from './outbound/mail-send.options';

const service = 'mail-send';
// A distributed mail-send must have an SMTP server; only the embedded mode writes replies to files.
const config = loadConfigOrExit(service, {
  ...serviceConfigShape(3007),
  ...mailSendConfigShape,
  SMTP_HOST: z.string().min(1),
});
let options: MailSendOptions;
try {
  // Replicas share the work: a worker's advisory lock tells the others when its in-flight replies are orphaned.
  options = { ...mailSendOptionsFromConfig(config), workerLock: true };
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${service}: refusing to start, ${error.message}\n`);
  process.exit(78); // EX_CONFIG, as loadConfigOrExit
}
startService({
  service,
  module: MailSendAppModule.forRoot(config, options),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
