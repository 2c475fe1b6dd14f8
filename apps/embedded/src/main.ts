// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { runMigrations } from '@draftdesk/database';
import { configureLogging, createLogger } from '@draftdesk/observability';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { join } from 'node:path';
import { EmbeddedAppModule } from './embedded-app.module';
import { EmbeddedOptions, embeddedConfigShape, embeddedOptionsFromConfig } from './embedded.options';
import { startEmbeddedPostgres } from './pglite.server';
import { configureChatGatewayHttp } from '../../chat-gateway/src/chat-gateway.module';
import { dataDirSecrets } from './embedded-secrets.util';

async function main() {
  const started = Date.now();
  const config = loadConfigOrExit('draftdesk', embeddedConfigShape);
  configureLogging('draftdesk', config.LOG_LEVEL);
  const log = createLogger('embedded');
  let options: EmbeddedOptions;
  try {
    options = embeddedOptionsFromConfig(config, dataDirSecrets(join(config.DRAFTDESK_DATA_DIR)));
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`draftdesk: refusing to start, ${/^invalid configuration/.test(message) ? message : `invalid configuration:\n  - ${message}`}\n`);
    process.exit(78); // EX_CONFIG, as loadConfigOrExit
  }
  const { dataDir, http, database } = options;
  const postgres = database.pglite ? await startEmbeddedPostgres(database.pglite.dir, database.pglite.port) : null;
  const databaseUrl = database.url ?? postgres!.url;
  await runMigrations({ url: databaseUrl, poolSize: 2 }, (line) => log.info(`migrations: ${line}`));
  const app = await startService({
    service: 'draftdesk',
    module: EmbeddedAppModule.forRoot(options, databaseUrl),
    port: http.port,
    host: http.host,
    logLevel: options.logLevel,
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
  const smtp = options.mailSend.smtp;
  const inbound = options.mailIngest.smtpInbound;
  process.stdout.write(
    [
      '',
      `draftdesk is up in ${seconds} s (embedded mode, data in ${dataDir})`,
      `  agent UI     http://${http.host}:${http.port}/`,
      `  review API   http://${http.host}:${http.port}/v1/drafts (Authorization: Bearer <token in ${join(dataDir, 'review-api-token')}>)`,
      `  conversations http://${http.host}:${http.port}/v1/conversations and /v1/kb (the same review token)`,
      `  mailboxes    http://${http.host}:${http.port}/v1/mailboxes (Authorization: Bearer <token in ${join(dataDir, 'mail-admin-token')}>)`,
      `  chat webhook http://${http.host}:${http.port}/v1/channels/<channelId>/messages`,
      `  health       http://${http.host}:${http.port}/health/ready`,
      inbound ? `  inbound mail smtp://${inbound.host}:${inbound.port} (send a test mail to support@shop.test)` : '',
      `  sent replies ${smtp ? `smtp://${smtp.host}:${smtp.port}` : options.mailSend.sentDir}`,
      '',
    ].join('\n'),
  );
}

main().catch(exitOnStartupFailure('draftdesk'));
