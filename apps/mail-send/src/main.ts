import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { z } from 'zod';
import { MailSendAppModule } from './mail-send-app.module';
import { mailSendConfigShape } from './outbound/mail-send.options';

const service = 'mail-send';
// A distributed mail-send must have an SMTP server; only the embedded mode writes replies to files.
const config = loadConfigOrExit(service, { ...serviceConfigShape(3007), ...mailSendConfigShape, SMTP_HOST: z.string().min(1) });
startService({
  service,
  module: MailSendAppModule.forRoot(config, {
    smtp: { host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE, user: config.SMTP_USER, password: config.SMTP_PASSWORD },
    from: config.MAIL_FROM,
    sentDir: config.SENT_DIR,
    maxAttempts: config.SEND_MAX_ATTEMPTS,
  }),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
