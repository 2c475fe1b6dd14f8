// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { ConfigError, exitOnConfigError, loadConfigOrExit } from '@draftdesk/config';
import { runMigrations } from '@draftdesk/database';
import { loadShop, sampleShopDir } from '@draftdesk/shop';
import { configureLogging, createLogger, fileLogDestination, sendLogsTo } from '@draftdesk/observability';
import { exitOnStartupFailure, startService } from '@draftdesk/platform';
import { join } from 'node:path';
import { EmbeddedAppModule } from './embedded-app.module';
import { EmbeddedOptions, embeddedConfigSchema, embeddedOptionsFromConfig } from './embedded.options';
import { startEmbeddedPostgres } from './pglite.server';
import { PgliteOrigin } from './pglite.template';
import { configureChatGatewayHttp } from '../../chat-gateway/src';
import { dataDirSecrets } from './embedded-secrets.util';
import { embeddedBanner } from './embedded-banner.util';

async function main() {
  const started = Date.now();
  const config = loadConfigOrExit('draftdesk', embeddedConfigSchema);
  let options: EmbeddedOptions;
  try {
    options = embeddedOptionsFromConfig(config, dataDirSecrets(join(config.DRAFTDESK_DATA_DIR)));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitOnConfigError('draftdesk', error);
  }
  const { http, database } = options;
  if (options.logFile) sendLogsTo(fileLogDestination(options.logFile));
  configureLogging('draftdesk', options.logLevel);
  const log = createLogger('embedded');
  const postgres = database.pglite ? await startEmbeddedPostgres(database.pglite.dir, database.pglite.port) : null;
  if (postgres) log.info({ origin: postgres.origin }, `embedded database: ${PGLITE_ORIGINS[postgres.origin]}`);
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
  log.info({ seconds }, 'draftdesk is up');
  process.stdout.write(embeddedBanner(options, seconds, process.cwd(), supportAddress(options.drafter.shopDir)));
}

const PGLITE_ORIGINS: Record<PgliteOrigin, string> = {
  template: 'a fresh data directory, started from the template the build made',
  existing: 'the data directory of an earlier start',
  initdb: 'a fresh data directory without a template: PGlite runs initdb (run `npm run build` to make the template)',
};

/** The address a test mail goes to: the shop's own (the drafter has already loaded it without error). */
function supportAddress(shopDir: string | undefined): string | undefined {
  try {
    return loadShop(shopDir ?? sampleShopDir()).shop.supportEmail;
  } catch {
    return undefined;
  }
}

main().catch(exitOnStartupFailure('draftdesk'));
