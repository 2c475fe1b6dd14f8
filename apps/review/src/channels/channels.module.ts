import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReviewDataModule } from '../review-data.module';
import { REVIEW_OPTIONS, ReviewOptions } from '../review.options';
import { ChatChannelSettingsController, MailboxSettingsController } from './channels.controller';
import { ChatChannelSettingsService } from './chat-channel-settings.service';
import { MailboxSettingsService } from './mailbox-settings.service';
import { CHAT_GATEWAY_ADMIN, MAIL_INGEST_ADMIN, OwnerApiClient } from './owner-api.client';

/**
 * Mailboxes and chat channels on the settings page. Their tables belong to mail-ingest and chat-gateway, which seal
 * the credentials with keys the desk never holds: the desk works through their admin APIs, the same way in the
 * distributed services and in the embedded mode (there over the process's own loopback address).
 */
@Module({
  imports: [AuthModule, ReviewDataModule],
  controllers: [MailboxSettingsController, ChatChannelSettingsController],
  providers: [
    {
      provide: MAIL_INGEST_ADMIN,
      inject: [REVIEW_OPTIONS],
      useFactory: (options: ReviewOptions) => new OwnerApiClient('mail-ingest', options.mailIngestAdmin),
    },
    {
      provide: CHAT_GATEWAY_ADMIN,
      inject: [REVIEW_OPTIONS],
      useFactory: (options: ReviewOptions) => new OwnerApiClient('chat-gateway', options.chatGatewayAdmin),
    },
    MailboxSettingsService,
    ChatChannelSettingsService,
  ],
})
export class ChannelsModule {}
