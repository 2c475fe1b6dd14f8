import { ServiceAppModule, ServiceConfig } from '@draftdesk/platform';
import { ConversationsOptions } from './conversations/conversations.options';
import { ConversationsModule } from './conversations/conversations.module';

/** The conversations service: its feature module on the shared infrastructure. */
export const ConversationsAppModule = {
  forRoot: (config: ServiceConfig, options: ConversationsOptions) =>
    ServiceAppModule.of('conversations', config, ConversationsModule.register(options)),
};
