// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { runMigrations } from '@draftdesk/database';
import { configureLogging, createLogger } from '@draftdesk/observability';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { join, resolve } from 'node:path';
import { EmbeddedAppModule } from './embedded-app.module';
import { embeddedConfigShape } from './embedded.options';
import { startEmbeddedPostgres } from './pglite.server';
import { configureChatGatewayHttp } from '../../chat-gateway/src/chat-gateway.module';
import { embeddedChatSecretsKey, embeddedMailAdminToken, embeddedMailboxSecretsKey, embeddedReviewApiToken } from './embedded-secrets.util';

async function main() {
  const started = Date.now();
  const config = loadConfigOrExit('draftdesk', embeddedConfigShape);
  configureLogging('draftdesk', config.LOG_LEVEL);
  const log = createLogger('embedded');
  const dataDir = resolve(config.DRAFTDESK_DATA_DIR);
  const postgres = config.DATABASE_URL ? null : await startEmbeddedPostgres(join(dataDir, 'pglite'), config.EMBEDDED_PG_PORT);
  const databaseUrl = config.DATABASE_URL ?? postgres!.url;
  config.REVIEW_API_TOKEN ??= embeddedReviewApiToken(dataDir);
  const mailboxes = {
    secretsKey: config.MAILBOX_SECRETS_KEY ?? embeddedMailboxSecretsKey(dataDir),
    adminToken: config.MAIL_ADMIN_TOKEN ?? embeddedMailAdminToken(dataDir),
  };
  await runMigrations({ url: databaseUrl, poolSize: 2 }, (line) => log.info(`migrations: ${line}`));
  // PGlite is one Postgres session behind the socket: one pooled connection keeps transactions apart.
  const app = await startService({
    service: 'draftdesk',
    module: EmbeddedAppModule.forRoot(config, databaseUrl, postgres ? 1 : 10, config.CHAT_SECRETS_KEY ?? embeddedChatSecretsKey(dataDir), mailboxes),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    shutdownHooks: false,
    configure: (nest) => configureChatGatewayHttp(nest),
  });
  const stop = async () => {
    await app.close();
    await postgres?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `draftdesk is up in ${seconds} s (embedded mode, data in ${dataDir})`,
      `  agent UI     http://${config.HOST}:${config.PORT}/`,
      `  review API   http://${config.HOST}:${config.PORT}/v1/drafts (Authorization: Bearer <token in ${join(dataDir, 'review-api-token')}>)`,
      `  conversations http://${config.HOST}:${config.PORT}/v1/conversations and /v1/kb (the same review token)`,
      `  mailboxes    http://${config.HOST}:${config.PORT}/v1/mailboxes (Authorization: Bearer <token in ${join(dataDir, 'mail-admin-token')}>)`,
      `  chat webhook http://${config.HOST}:${config.PORT}/v1/channels/<channelId>/messages`,
      `  health       http://${config.HOST}:${config.PORT}/health/ready`,
      `  inbound mail smtp://${config.SMTP_INBOUND_HOST}:${config.SMTP_INBOUND_PORT} (send a test mail to support@shop.test)`,
      `  sent replies ${config.SMTP_HOST ? `smtp://${config.SMTP_HOST}:${config.SMTP_PORT}` : join(dataDir, 'sent')}`,
      '',
    ].join('\n'),
  );
}

main().catch(exitOnStartupFailure('draftdesk'));
