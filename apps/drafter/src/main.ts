// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { DrafterAppModule } from './drafter-app.module';
import { DrafterOptions, drafterConfigShape, drafterOptionsFromConfig } from './drafts/drafter.options';

const service = 'drafter';
const config = loadConfigOrExit(service, { ...serviceConfigShape(3005), ...drafterConfigShape });
let options: DrafterOptions;
try {
  options = drafterOptionsFromConfig(config);
} catch (error) {
  process.stderr.write(`${service}: invalid configuration: ${(error as Error).message}\n`);
  process.exit(1);
}
startService({
  service,
  module: DrafterAppModule.forRoot(config, options),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
