// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { runService } from '@draftdesk/platform';
import { MailSendAppModule } from './mail-send-app.module';
import { mailSendConfigSchema, mailSendOptionsFromConfig } from '.';

// Replicas share the work: a worker's advisory lock tells the others when its in-flight replies are orphaned.
runService('mail-send', mailSendConfigSchema, (config) =>
  MailSendAppModule.forRoot(config, { ...mailSendOptionsFromConfig(config), workerLock: true }),
);
