import { open, seal } from '@draftdesk/config';
import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import { ChannelRepository, ChannelRow } from './channel.repository';
import { ChannelConfig, ChannelInput, channelConfigSchema } from './channel.types';

interface SealedSecrets {
  secrets: string[];
  verifyToken?: string;
  accessToken?: string;
}

/**
 * Channels live in Postgres with their credentials sealed; decrypted copies are cached briefly so the webhook hot
 * path does not query and decrypt on every request, while a change made by another replica shows within the TTL.
 */
@Injectable()
export class ChannelsService implements OnApplicationBootstrap {
  private readonly log = createLogger(ChannelsService.name);
  private readonly cache = new Map<string, { channel: ChannelConfig | null; until: number }>();

  constructor(
    @Inject(CHAT_GATEWAY_OPTIONS) private readonly options: ChatGatewayOptions,
    private readonly channels: ChannelRepository,
  ) {}

  async onApplicationBootstrap() {
    for (const channel of this.options.seedChannels) await this.upsert(channel);
    if (this.options.seedChannels.length)
      this.log.info({ channels: this.options.seedChannels.map((c) => c.id) }, 'channels seeded');
  }

  async upsert(input: ChannelInput): Promise<ChannelConfig> {
    const channel = channelConfigSchema.parse(input);
    const sealed: SealedSecrets =
      channel.kind === 'whatsapp'
        ? { secrets: channel.secrets, verifyToken: channel.verifyToken, accessToken: channel.accessToken }
        : { secrets: channel.secrets };
    await this.channels.upsert({
      id: channel.id,
      kind: channel.kind,
      callback_url: channel.kind === 'generic' ? channel.callbackUrl : null,
      api_base_url: channel.kind === 'whatsapp' ? channel.apiBaseUrl : null,
      phone_number_id: channel.kind === 'whatsapp' ? channel.phoneNumberId : null,
      rate_per_second: channel.rateLimit.perSecond,
      rate_burst: channel.rateLimit.burst,
      secrets_enc: seal(this.options.secretsKey, JSON.stringify(sealed), channel.id),
      // WhatsApp vouches for a phone number, never for an e-mail address: its senders are not verified for orders.
      identity_verified: channel.kind === 'generic' && channel.identityVerified,
    });
    this.cache.delete(channel.id);
    return channel;
  }

  async find(id: string): Promise<ChannelConfig | null> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.channel;
    const row = await this.channels.find(id);
    const channel = row ? this.fromRow(row) : null;
    this.cache.set(id, { channel, until: Date.now() + this.options.channelCacheMs });
    return channel;
  }

  async list(): Promise<ChannelConfig[]> {
    const rows = await this.channels.list();
    return rows.map((row) => this.fromRow(row));
  }

  private fromRow(row: ChannelRow): ChannelConfig {
    const sealed = JSON.parse(open(this.options.secretsKey, row.secrets_enc, row.id)) as SealedSecrets;
    const rateLimit = { perSecond: Number(row.rate_per_second), burst: row.rate_burst };
    if (row.kind === 'whatsapp') {
      return {
        id: row.id,
        kind: 'whatsapp',
        secrets: sealed.secrets,
        verifyToken: sealed.verifyToken!,
        accessToken: sealed.accessToken!,
        apiBaseUrl: row.api_base_url!,
        phoneNumberId: row.phone_number_id!,
        rateLimit,
      };
    }
    return {
      id: row.id,
      kind: 'generic',
      secrets: sealed.secrets,
      callbackUrl: row.callback_url!,
      rateLimit,
      identityVerified: row.identity_verified === true,
    };
  }
}
