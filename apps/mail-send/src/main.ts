import 'reflect-metadata';
import { loadConfigOrExit, parseSecretsKey } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { z } from 'zod';
import { MailSendAppModule } from './mail-send-app.module';
import { mailSendConfigShape, mailSendExtras } from './outbound/mail-send.options';

const service = 'mail-send';
// A distributed mail-send must have an SMTP server; only the embedded mode writes replies to files.
const config = loadConfigOrExit(service, { ...serviceConfigShape(3007), ...mailSendConfigShape, SMTP_HOST: z.string().min(1) });
let extras: ReturnType<typeof mailSendExtras>;
let secretsKey: Buffer | null = null;
try {
  extras = mailSendExtras(config);
  secretsKey = config.MAILBOX_SECRETS_KEY ? parseSecretsKey(config.MAILBOX_SECRETS_KEY) : null;
} catch (error) {
  const message = (error as Error).message;
  process.stderr.write(`${service}: refusing to start, invalid configuration:\n  - ${/^must be 32/.test(message) ? `MAILBOX_SECRETS_KEY is invalid: ${message}` : message}\n`);
  process.exit(78);
}
startService({
  service,
  module: MailSendAppModule.forRoot(config, {
    smtp: { host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE, user: config.SMTP_USER, password: config.SMTP_PASSWORD },
    from: config.MAIL_FROM,
    sentDir: config.SENT_DIR,
    maxAttempts: config.SEND_MAX_ATTEMPTS,
    leaseSeconds: config.SEND_LEASE_SECONDS,
    workerLock: true,
    ...extras,
    secretsKey,
  }),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
