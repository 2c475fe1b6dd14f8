import { invalidRequest, Public } from '@draftdesk/platform';
import { createLogger } from '@draftdesk/observability';
import { Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ChannelConfig } from '../channels/channel.types';
import { ChannelsService } from '../channels/channels.service';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import {
  ChatIntakeErrorCode,
  channelNotFound,
  RateLimitedException,
  unauthorized,
  verifyTokenMismatch,
  wrongChannelKind,
} from './chat-intake.exception';
import { fromGenericMessage, genericMessageSchema, IncomingChatMessage } from './dto/chat-message.dto';
import { fromWhatsAppWebhook, whatsAppWebhookSchema } from './dto/whatsapp-webhook.dto';
import { parseWebhookBody } from './dto/webhook-body.util';
import { IntakeService } from './intake.service';
import { parseJson, RawBodyRequest, readRawBody } from './raw-body.util';
import { verifyWebhook } from './standard-webhooks.util';
import { ReceiveMessageDocs, ReceiveWhatsAppDocs, VerifyWhatsAppDocs } from '../docs/webhook-api.docs';
import { TokenBuckets } from './token-bucket.util';
import { sameToken, verifyWhatsApp } from './whatsapp-signature.util';

const header = (req: RawBodyRequest, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(' ') : value;
};

/**
 * Webhook intake. Checks run cheapest-first and authentication before anything that reveals or spends more:
 * size (413), channel (404), signature and timestamp (401), rate (429, only for authenticated senders so a forger
 * cannot use up a provider's allowance), body (400), webhook id replay (200 for a retry, 409 for a different body).
 */
@Public() // every route checks the channel's own signature or verify token
@Controller('v1/channels')
export class WebhooksController {
  private readonly log = createLogger(WebhooksController.name);
  private readonly buckets = new TokenBuckets();

  constructor(
    @Inject(CHAT_GATEWAY_OPTIONS) private readonly options: ChatGatewayOptions,
    private readonly channels: ChannelsService,
    private readonly intake: IntakeService,
  ) {}

  @Post(':channelId/messages')
  @HttpCode(202)
  @ReceiveMessageDocs()
  async receive(
    @Param('channelId') channelId: string,
    @Req() req: RawBodyRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const raw = await readRawBody(req, this.options.maxBodyBytes);
    const channel = await this.channel(channelId, 'generic');
    const verified = verifyWebhook(
      channel.secrets,
      {
        id: header(req, 'webhook-id'),
        timestamp: header(req, 'webhook-timestamp'),
        signature: header(req, 'webhook-signature'),
      },
      raw,
      { toleranceSeconds: this.options.timestampToleranceSeconds },
    );
    if (!verified.ok) {
      this.log.warn({ channelId, reason: verified.reason }, 'webhook refused');
      if (verified.reason === 'missing_headers')
        throw unauthorized(
          ChatIntakeErrorCode.SignatureMissing,
          'webhook-id, webhook-timestamp and webhook-signature are required',
        );
      if (verified.reason === 'bad_signature')
        throw unauthorized(ChatIntakeErrorCode.SignatureInvalid, 'no signature matches');
      throw unauthorized(
        ChatIntakeErrorCode.TimestampOutOfTolerance,
        `webhook-timestamp is not within ${this.options.timestampToleranceSeconds} s of now`,
      );
    }
    this.limit(channel, res);
    const json = parseJson(raw);
    if (!json.ok) throw invalidRequest([{ field: '(body)', message: 'is not JSON' }]);
    const parsed = parseWebhookBody(genericMessageSchema, json.value);
    if (!parsed.ok) throw invalidRequest(parsed.errors);
    const result = await this.intake.acceptSigned(channel.id, fromGenericMessage(parsed.value), verified.id, raw);
    if (result.status === 'duplicate') res.status(200);
    return result;
  }

  /** Meta's subscription handshake: echo the challenge when the verify token is ours. */
  @Get(':channelId/whatsapp')
  @Header('content-type', 'text/plain')
  @VerifyWhatsAppDocs()
  async verifySubscription(@Param('channelId') channelId: string, @Query() query: Record<string, string>) {
    const channel = await this.channel(channelId, 'whatsapp');
    if (query['hub.mode'] !== 'subscribe' || !sameToken(channel.verifyToken, query['hub.verify_token']))
      throw verifyTokenMismatch();
    return query['hub.challenge'] ?? '';
  }

  /**
   * WhatsApp notifications carry no webhook id or signed timestamp: a redelivery is recognised by its message ids,
   * which are unique and remembered, so a replayed body is acknowledged without effect.
   */
  @Post(':channelId/whatsapp')
  @HttpCode(200)
  @ReceiveWhatsAppDocs()
  async receiveWhatsApp(
    @Param('channelId') channelId: string,
    @Req() req: RawBodyRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const raw = await readRawBody(req, this.options.maxBodyBytes);
    const channel = await this.channel(channelId, 'whatsapp');
    const signature = header(req, 'x-hub-signature-256');
    if (!signature) throw unauthorized(ChatIntakeErrorCode.SignatureMissing, 'X-Hub-Signature-256 is required');
    if (!verifyWhatsApp(channel.secrets, signature, raw)) {
      this.log.warn({ channelId }, 'whatsapp webhook refused: bad signature');
      throw unauthorized(ChatIntakeErrorCode.SignatureInvalid, 'X-Hub-Signature-256 does not match');
    }
    this.limit(channel, res);
    const json = parseJson(raw);
    if (!json.ok) throw invalidRequest([{ field: '(body)', message: 'is not JSON' }]);
    const parsed = parseWebhookBody(whatsAppWebhookSchema, json.value);
    if (!parsed.ok) throw invalidRequest(parsed.errors);
    const messages: IncomingChatMessage[] = fromWhatsAppWebhook(parsed.value);
    return this.intake.acceptMessages(channel.id, messages);
  }

  private async channel<K extends ChannelConfig['kind']>(
    id: string,
    kind: K,
  ): Promise<Extract<ChannelConfig, { kind: K }>> {
    const channel = await this.channels.find(id);
    if (!channel) throw channelNotFound(id);
    if (channel.kind !== kind) throw wrongChannelKind(id, kind);
    return channel as Extract<ChannelConfig, { kind: K }>;
  }

  private limit(channel: ChannelConfig, res: Response) {
    const taken = this.buckets.take(channel.id, channel.rateLimit);
    if (taken.ok) return;
    const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
    res.setHeader('Retry-After', String(seconds));
    throw new RateLimitedException(seconds);
  }
}
