import { DatabaseModule } from '@draftdesk/database';
import { MessagingModule } from '@draftdesk/messaging';
import { ObservabilityModule } from '@draftdesk/observability';
import { AccessModule, Realms } from '@draftdesk/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { ChatGatewayModule } from '../../chat-gateway/src';
import { ConversationsModule } from '../../conversations/src';
import { DraftsModule } from '../../drafter/src';
import { MailIngestModule } from '../../mail-ingest/src';
import { MailSendModule } from '../../mail-send/src';
import { ReviewModule } from '../../review/src';
import { TriageModule } from '../../triage/src';
import { DEMO_CHAT_REPLIES, DemoChatRepliesController } from './demo-chat-replies.controller';
import { EmbeddedOptions } from './embedded.options';

/** Every service's feature module in one process, on one database, joined by the in-process transport. */
@Module({})
export class EmbeddedAppModule {
  static forRoot(options: EmbeddedOptions, databaseUrl: string): DynamicModule {
    const { demoChat } = options;
    return {
      module: EmbeddedAppModule,
      controllers: demoChat ? [DemoChatRepliesController] : [],
      providers: demoChat
        ? [{ provide: DEMO_CHAT_REPLIES, useValue: { secret: demoChat.secret, dir: demoChat.repliesDir } }]
        : [],
      imports: [
        AccessModule,
        ObservabilityModule,
        DatabaseModule.forRoot({
          url: databaseUrl,
          poolSize: options.database.poolSize,
          applicationName: 'draftdesk-embedded',
        }),
        MessagingModule.forRoot({ transport: 'in-process', relayProducers: null, pollIntervalMs: 250 }),
        MailIngestModule.register(options.mailIngest),
        ChatGatewayModule.register(options.chatGateway),
        // Readers of conversations are the review desk's users (alsoOpens below); no separate token here.
        ConversationsModule.register({}),
        TriageModule.register(options.triage),
        DraftsModule.register(options.drafter),
        // One process, one desk: whoever may use the review desk may read conversations and edit the knowledge base.
        ReviewModule.register({ ...options.review, alsoOpens: [Realms.conversations, Realms.kb] }),
        MailSendModule.register(options.mailSend),
      ],
    };
  }
}
