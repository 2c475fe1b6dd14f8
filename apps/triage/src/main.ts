import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { TriageAppModule } from './triage-app.module';

const service = 'triage';
const config = loadConfigOrExit(service, serviceConfigShape(3004));
startService({
  service,
  module: TriageAppModule.forRoot(config),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
