import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { ChannelsController } from './channels/channels.controller';
import { ChatAdminAuthenticator } from './channels/chat-admin.authenticator';
import { ChannelRepository } from './channels/channel.repository';
import { ChannelsService } from './channels/channels.service';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions, MAX_WEBHOOK_BYTES } from './chat-gateway.options';
import { ChatDeliverer } from './delivery/chat-deliverer.service';
import { ChatDeliveryConsumer } from './delivery/chat-delivery.consumer';
import { ChatDeliveryRepository } from './delivery/chat-delivery.repository';
import { ChatDocsController } from './docs/docs.controller';
import { ChatBufferRepository } from './intake/chat-buffer.repository';
import { IntakeService } from './intake/intake.service';
import { TurnFlusher } from './intake/turn-flusher.service';
import { webhookBodyReader } from './intake/webhook-body.middleware';
import { WebhooksController } from './intake/webhooks.controller';

/**
 * Chat intake (signed webhooks → session buffer → one support.inbound.v1 per turn) and delivery of approved chat
 * replies. Routes live under /v1/channels and /v1/chat only.
 */
@Module({})
export class ChatGatewayModule {
  static register(options: ChatGatewayOptions): DynamicModule {
    return {
      module: ChatGatewayModule,
      controllers: [WebhooksController, ChatDocsController, ChannelsController],
      providers: [
        { provide: CHAT_GATEWAY_OPTIONS, useValue: options },
        ChannelRepository,
        ChannelsService,
        ChatAdminAuthenticator,
        ChatBufferRepository,
        ChatDeliveryRepository,
        IntakeService,
        TurnFlusher,
        ChatDeliverer,
        ChatDeliveryConsumer,
      ],
      exports: [ChannelsService],
    };
  }
}

/**
 * Call on the host app before init(): chat webhook bodies (up to 256 KB) are then read raw by the gateway itself,
 * whatever the app's body-parser settings. Without it the module still works when the app was created with
 * `rawBody: true`, but only up to Express's JSON limit (100 KB by default).
 */
export function configureChatGatewayHttp(app: INestApplication, maxBodyBytes = MAX_WEBHOOK_BYTES): void {
  app.use('/v1/channels', webhookBodyReader(maxBodyBytes));
}
