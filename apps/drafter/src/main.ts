import 'reflect-metadata';
import { loadConfigOrExit } from '@draftdesk/config';
import { exitOnStartupFailure, serviceConfigShape, startService } from '@draftdesk/platform';
import { DrafterAppModule } from './drafter-app.module';
import { drafterConfigShape } from './drafts/drafter.options';

const service = 'drafter';
const config = loadConfigOrExit(service, { ...serviceConfigShape(3005), ...drafterConfigShape });
startService({
  service,
  module: DrafterAppModule.forRoot(config, { shopDir: config.SHOP_DIR, messageIdDomain: config.MESSAGE_ID_DOMAIN }),
  port: config.PORT,
  host: config.HOST,
  logLevel: config.LOG_LEVEL,
}).catch(exitOnStartupFailure(service));
