// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { ConfigError, loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { TriageAppModule } from './triage-app.module';
import { triageConfigShape, TriageOptions, triageOptions } from './triage/triage.options';

const service = 'triage';
const config = loadConfigOrExit(service, { ...serviceConfigShape(3004), ...triageConfigShape });
let options: TriageOptions;
try {
  options = triageOptions(config);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${service}: refusing to start, ${error.message}\n`);
  process.exit(78); // EX_CONFIG, as loadConfigOrExit
}
startService({
  service,
  module: TriageAppModule.forRoot(config, options),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
