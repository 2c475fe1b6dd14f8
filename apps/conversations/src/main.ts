// First: tracing must be registered before the modules it instruments (http, pg) are loaded.
import '@draftdesk/observability/tracing.register';
import 'reflect-metadata';
import { runService } from '@draftdesk/platform';
import { ConversationsAppModule } from './conversations-app.module';
import { conversationsConfigSchema, conversationsOptionsFromConfig } from '.';

runService('conversations', conversationsConfigSchema, (config) =>
  ConversationsAppModule.forRoot(config, conversationsOptionsFromConfig(config)),
);
