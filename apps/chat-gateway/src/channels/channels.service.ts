import { open, seal } from '@draftdesk/config';
import { createLogger } from '@draftdesk/observability';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CHAT_GATEWAY_OPTIONS, ChatGatewayOptions } from '../chat-gateway.options';
import { ChannelRepository, ChannelRow } from './channel.repository';
import { ChannelConfig, ChannelInput, channelConfigSchema, NewGenericChannel } from './channel.types';

/** A Standard Webhooks signing secret: whsec_ and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** Only a generic channel's secret is made here; a WhatsApp app secret comes from Meta. */
export class NotGenericChannelError extends Error {
  constructor(readonly channelId: string) {
    super(`channel ${channelId} is not a generic channel: its secrets come from the provider`);
  }
}

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
    await this.channels.upsert(this.toRow(channel));
    this.cache.delete(channel.id);
    return channel;
  }

  /** A new generic channel with a signing secret made here; null when the id is taken. */
  async create(input: NewGenericChannel): Promise<{ channel: ChannelConfig; secret: string } | null> {
    const secret = newWebhookSecret();
    const channel = channelConfigSchema.parse({ ...input, kind: 'generic', secrets: [secret] });
    if (!(await this.channels.insert(this.toRow(channel)))) return null;
    this.cache.delete(channel.id);
    return { channel, secret };
  }

  /**
   * A new signing secret for a generic channel, first in line (replies are signed with it). The one before stays
   * accepted at intake while the provider switches, unless `keepPrevious` is false; older ones are dropped.
   */
  async rotateSecret(id: string, keepPrevious: boolean): Promise<{ channel: ChannelConfig; secret: string } | null> {
    const row = await this.channels.find(id);
    if (!row) return null;
    const current = this.fromRow(row);
    if (current.kind !== 'generic') throw new NotGenericChannelError(id);
    const secret = newWebhookSecret();
    const channel = await this.upsert({
      ...current,
      secrets: [secret, ...current.secrets.slice(0, keepPrevious ? 1 : 0)],
    });
    return { channel, secret };
  }

  private toRow(channel: ChannelConfig): ChannelRow {
    const sealed: SealedSecrets =
      channel.kind === 'whatsapp'
        ? { secrets: channel.secrets, verifyToken: channel.verifyToken, accessToken: channel.accessToken }
        : { secrets: channel.secrets };
    return {
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
    };
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
